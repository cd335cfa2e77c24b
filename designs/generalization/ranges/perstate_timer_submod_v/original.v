// Timer and phase sequencer in a sub-module, per-phase limits given by parameters of the instance.
module phase_seq #(parameter [15:0] LA = 16'd10, parameter [15:0] LB = 16'd2, parameter [15:0] LC = 16'd10) (
  input clk, input rst, input skip,
  output reg [1:0] ph
);
  reg [15:0] t;
  always @(posedge clk)
    if (rst) begin
      ph <= 2'd2;
      t  <= 16'd0;
    end else
      case (ph)
        2'd0: if (t == LA || (skip && t[15:3] != 13'd0)) begin ph <= 2'd1; t <= 16'd0; end
              else t <= t + 16'd1;
        2'd1: if (t == LB) begin ph <= 2'd2; t <= 16'd0; end
              else t <= t + 16'd1;
        default: if (t == LC) begin ph <= 2'd0; t <= 16'd0; end
              else t <= t + 16'd1;
      endcase
endmodule

module junction (input clk, input rst, input skip, output [1:0] ph, output go, output stop);
  phase_seq #(.LA(16'd30), .LB(16'd3), .LC(16'd24)) u_seq (.clk(clk), .rst(rst), .skip(skip), .ph(ph));
  assign go = (ph == 2'd0);
  assign stop = ph[1];
endmodule
