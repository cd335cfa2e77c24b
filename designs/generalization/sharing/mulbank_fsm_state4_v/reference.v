// One multiplier: operands muxed by the state compare (st == S1).
module ph4(input clk, input rst, input [5:0] a, b, c, d, output reg [15:0] acc);
  localparam S0 = 2'd0, S1 = 2'd1, S2 = 2'd2, S3 = 2'd3;
  reg [1:0] st;
  wire [11:0] m = (st == S1 ? c : a) * (st == S1 ? d : b);
  always @(posedge clk)
    if (rst) begin st <= S0; acc <= 16'd0; end
    else begin
      case (st)
        S0: begin acc <= acc + m; st <= S1; end
        S1: begin acc <= acc + m; st <= S2; end
        S2: begin acc <= acc - m; st <= S3; end
        default: begin acc <= acc; st <= S0; end
      endcase
    end
endmodule
