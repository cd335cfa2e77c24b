// Two-code spread-spectrum despreader: each sample is multiplied by a +1/-1 chip from an LFSR
// (a case on the chip bit in a child instance), the products are accumulated per code.
module chip_apply #(parameter W = 10) (input signed [W-1:0] d, input chip, output signed [W+1:0] p);
  reg signed [2:0] c;
  always @* begin
    case (chip)
      1'b0: c = 3'sd1;
      default: c = -3'sd1;
    endcase
  end
  assign p = d * c;
endmodule

module despread (input clk, input rst, input en, input signed [9:0] d,
                 output reg signed [15:0] acc_a, output reg signed [15:0] acc_b);
  reg [4:0] lfsr;
  wire signed [11:0] pa, pb;
  chip_apply #(.W(10)) u_a (.d(d), .chip(lfsr[0]), .p(pa));
  chip_apply #(.W(10)) u_b (.d(d), .chip(lfsr[3]), .p(pb));
  always @(posedge clk)
    if (rst) begin lfsr <= 5'h1f; acc_a <= 16'sd0; acc_b <= 16'sd0; end
    else if (en) begin
      lfsr  <= {lfsr[3:0], lfsr[4] ^ lfsr[2]};
      acc_a <= acc_a + pa;
      acc_b <= acc_b + pb;
    end
endmodule
