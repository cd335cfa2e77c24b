module max_reg (
  input            clk,
  input            rst_n,
  input      [7:0] a,
  input      [7:0] b,
  output reg [7:0] peak
);
  wire [7:0] eq = ~(a ^ b);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      peak <= 8'd0;
    else
      peak <= ((a[7] & ~b[7])
              | (eq[7] & a[6] & ~b[6])
              | (eq[7] & eq[6] & a[5] & ~b[5])
              | (eq[7] & eq[6] & eq[5] & a[4] & ~b[4])
              | (eq[7] & eq[6] & eq[5] & eq[4] & a[3] & ~b[3])
              | (eq[7] & eq[6] & eq[5] & eq[4] & eq[3] & a[2] & ~b[2])
              | (eq[7] & eq[6] & eq[5] & eq[4] & eq[3] & eq[2] & a[1] & ~b[1])
              | (eq[7] & eq[6] & eq[5] & eq[4] & eq[3] & eq[2] & eq[1] & a[0] & ~b[0])) ? a : b;
  end
endmodule
