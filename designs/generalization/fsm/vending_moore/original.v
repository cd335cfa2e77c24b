module vend(input clk, input rst, input nickel, input dime, output reg vendo);
  localparam [3:0] C0 = 4'd0, C5 = 4'd1, C10 = 4'd2, C15 = 4'd3, C10B = 4'd4, C15B = 4'd5, V = 4'd6;
  reg [3:0] cs, ns;
  always @(posedge clk) if (rst) cs <= C0; else cs <= ns;
  always @(*) begin
    case (cs)
      C0:   ns = dime ? C10B : nickel ? C5 : C0;
      C5:   ns = dime ? C15 : nickel ? C10 : C5;
      C10:  ns = dime ? V : nickel ? C15B : C10;
      C10B: ns = dime ? V : nickel ? C15 : C10B;
      C15:  ns = (dime | nickel) ? V : C15;
      C15B: ns = (nickel | dime) ? V : C15B;
      V:    ns = C0;
      default: ns = C0;
    endcase
    vendo = (cs == V);
  end
endmodule
