// Four-state sequencer (Verilog localparam, 2-bit state): a*b added in S0, c*d in S1, a*b subtracted in S2;
// the two products are wires, exclusive only through the state register.
module ph4(input clk, input rst, input [5:0] a, b, c, d, output reg [15:0] acc);
  localparam S0 = 2'd0, S1 = 2'd1, S2 = 2'd2, S3 = 2'd3;
  reg [1:0] st;
  wire [11:0] p = a * b;
  wire [11:0] q = c * d;
  always @(posedge clk)
    if (rst) begin st <= S0; acc <= 16'd0; end
    else begin
      case (st)
        S0: begin acc <= acc + p; st <= S1; end
        S1: begin acc <= acc + q; st <= S2; end
        S2: begin acc <= acc - p; st <= S3; end
        default: begin acc <= acc; st <= S0; end
      endcase
    end
endmodule
