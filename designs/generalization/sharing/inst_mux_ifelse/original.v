// Saturating 12-bit scale unit used twice: one for the luma path, one for
// the chroma path; the output picks one per pixel type (combinational if/else).
module scale_sat (
  input  wire [11:0] v,
  input  wire [5:0]  gain,
  output wire [11:0] q
);
  wire [12:0] p = {1'b0, v} + {3'b000, v[11:2]} + {7'd0, gain};
  assign q = p[12] ? 12'hfff : p[11:0];
endmodule

module pix_scale (
  input  wire        is_chroma,
  input  wire [11:0] luma,
  input  wire [11:0] chroma,
  input  wire [5:0]  gain,
  output reg  [11:0] pix_out
);
  wire [11:0] sl, sc;
  scale_sat u_l (.v(luma),   .gain(gain), .q(sl));
  scale_sat u_c (.v(chroma), .gain(gain), .q(sc));
  always @* begin
    if (is_chroma)
      pix_out = sc ^ 12'h800;
    else
      pix_out = sl;
  end
endmodule
