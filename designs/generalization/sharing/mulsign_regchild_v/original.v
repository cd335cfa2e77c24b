// Fixed-point scaler: a sample times a gain, signed or unsigned as the mode says, keeping the
// upper half (mode 3: the low half). A child computes every flavour with hand-written sign
// extension; the parent registers the result behind an asynchronous reset.
module gain_mul #(parameter W = 16) (
  input  wire [1:0]   mode,
  input  wire [W-1:0] smp,
  input  wire [W-1:0] gain,
  output reg  [W-1:0] out
);
  reg [2*W-1:0] p_ss, p_us, p_uu;
  always @* begin
    p_ss = {{W{smp[W-1]}}, smp} * {{W{gain[W-1]}}, gain};
    p_us = {{W{1'b0}}, smp} * {{W{gain[W-1]}}, gain};
    p_uu = smp * gain;
    case (mode)
      2'd0: out = p_ss[2*W-1:W];
      2'd1: out = p_us[2*W-1:W];
      2'd2: out = p_uu[2*W-1:W];
      default: out = p_uu[W-1:0];
    endcase
  end
endmodule

module scaler (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       load,
  input  wire [1:0] mode,
  input  wire [6:0] smp,
  input  wire [6:0] gain,
  output reg  [6:0] q
);
  wire [6:0] y;
  gain_mul #(.W(7)) u_mul (.mode(mode), .smp(smp), .gain(gain), .out(y));
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 7'd0;
    else if (load) q <= y;
endmodule
