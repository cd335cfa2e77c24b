module phase_seq (input clk, input rst_n, input go, output reg [3:0] lamp, output tick);
  reg [1:0] ph;
  reg [5:0] cnt;
  reg at_lim;
  always @* begin
    case (ph)
      2'd0: at_lim = (cnt == 6'd3);
      2'd1: at_lim = (cnt == 6'd20);
      2'd2: at_lim = (cnt == 6'd50);
      default: at_lim = (cnt == 6'd7);
    endcase
  end
  assign tick = at_lim;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin ph <= 2'd0; cnt <= 6'd0; end
    else if (at_lim) begin
      if (ph != 2'd0 || go) begin ph <= ph + 2'd1; cnt <= 6'd0; end
    end else cnt <= cnt + 6'd1;
  always @* begin
    lamp = 4'b0000;
    lamp[ph] = 1'b1;
  end
endmodule
