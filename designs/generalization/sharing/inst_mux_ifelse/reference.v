// One scale unit on the selected component.
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
  output wire [11:0] pix_out
);
  wire [11:0] s;
  scale_sat u_s (.v(is_chroma ? chroma : luma), .gain(gain), .q(s));
  assign pix_out = is_chroma ? s ^ 12'h800 : s;
endmodule
