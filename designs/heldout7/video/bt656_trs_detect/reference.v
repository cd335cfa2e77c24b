// ITU-R BT.656 timing reference signal decoder: FF 00 00 XY, XY = {1, F, V, H, P3..P0}
module bt656_trs (
  input clk, input rst, input [7:0] d,
  output reg sav, output reg eav, output reg field, output reg vblank, output reg prot_err
);
  reg [1:0] m;                          // bytes of FF 00 00 matched so far
  wire trs = (m == 2'd3);
  wire ff = (d == 8'hFF), zz = (d == 8'h00);
  wire f = d[6], v = d[5], h = d[4];
  wire [3:0] p = {v ^ h, f ^ h, f ^ v, f ^ v ^ h};
  always @(posedge clk) begin
    if (rst) begin
      m <= 2'd0;
      sav <= 1'b0; eav <= 1'b0; field <= 1'b0; vblank <= 1'b0; prot_err <= 1'b0;
    end else begin
      m <= ff ? 2'd1 : (zz && (m == 2'd1 || m == 2'd2)) ? m + 2'd1 : 2'd0;
      sav <= trs && !h;
      eav <= trs && h;
      if (trs) begin
        field    <= f;
        vblank   <= v;
        prot_err <= !d[7] || (d[3:0] != p);
      end
    end
  end
endmodule
