// Memory-protection unit: offset = addr - base (borrow means below base), hit = no borrow and offset < size.
module mpu_region #(
  parameter AW = 32
) (
  input  wire [AW-1:0] addr,
  input  wire [AW-1:0] base,
  input  wire [AW-1:0] size,
  output wire          hit
);
  wire [AW:0] off = {1'b0, addr} - {1'b0, base};
  assign hit = !off[AW] && (off[AW-1:0] < size);
endmodule

module mpu_check #(
  parameter NREG = 4,
  parameter AW   = 20
) (
  input  wire [AW-1:0]      addr,
  input  wire [NREG*AW-1:0] base,
  input  wire [NREG*AW-1:0] size,
  input  wire [NREG-1:0]    wr_ok,
  input  wire               is_write,
  output wire [NREG-1:0]    hits,
  output reg                allow
);
  genvar g;
  generate
    for (g = 0; g < NREG; g = g + 1) begin : g_reg
      mpu_region #(.AW(AW)) u_r (.addr(addr), .base(base[g*AW +: AW]), .size(size[g*AW +: AW]), .hit(hits[g]));
    end
  endgenerate

  integer i;
  always @* begin
    allow = 1'b0;
    for (i = NREG - 1; i >= 0; i = i - 1)
      if (hits[i]) allow = !is_write || wr_ok[i];
  end
endmodule
