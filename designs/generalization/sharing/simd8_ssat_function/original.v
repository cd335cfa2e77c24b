// Audio mixer: 2 x 8-bit signed saturating lanes (function per lane) or a 16-bit add, with an overflow flag.
module simd8_ssat_function (
  input  wire [15:0] s0,
  input  wire [15:0] s1,
  input  wire        dual,
  output wire [15:0] mix,
  output wire        clip
);
  function [8:0] sat8;   // {overflow, result}
    input [7:0] p;
    input [7:0] q;
    reg signed [8:0] t;
    begin
      t = $signed({p[7], p}) + $signed({q[7], q});
      if (t > 9'sd127)       sat8 = {1'b1, 8'h7F};
      else if (t < -9'sd128) sat8 = {1'b1, 8'h80};
      else                   sat8 = {1'b0, t[7:0]};
    end
  endfunction
  wire [8:0] l0 = sat8(s0[7:0], s1[7:0]);
  wire [8:0] l1 = sat8(s0[15:8], s1[15:8]);
  assign mix  = dual ? {l1[7:0], l0[7:0]} : s0 + s1;
  assign clip = dual && (l0[8] || l1[8]);
endmodule
