// ITU-R BT.656 timing reference signal decoder: FF 00 00 XY, XY = {1, F, V, H, P3..P0}
module bt656_trs (
  input clk, input rst, input [7:0] d,
  output reg sav, output reg eav, output reg field, output reg vblank, output reg prot_err
);
  reg [7:0] d1, d2, d3;                 // d1 = previous byte
  wire trs = (d3 == 8'hFF) && (d2 == 8'h00) && (d1 == 8'h00);
  wire f = d[6], v = d[5], h = d[4];
  wire [3:0] p = {v ^ h, f ^ h, f ^ v, f ^ v ^ h};
  always @(posedge clk) begin
    if (rst) begin
      d1 <= 8'h00; d2 <= 8'h00; d3 <= 8'h00;
      sav <= 1'b0; eav <= 1'b0; field <= 1'b0; vblank <= 1'b0; prot_err <= 1'b0;
    end else begin
      d1 <= d; d2 <= d1; d3 <= d2;
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
