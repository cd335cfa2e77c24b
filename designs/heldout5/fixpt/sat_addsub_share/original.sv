// Saturating fixed-point add/subtract unit (Q8.8 samples).
module sat_addsub #(
  parameter int W = 16
) (
  input  logic signed [W-1:0] a,
  input  logic signed [W-1:0] b,
  input  logic                sub,
  output logic signed [W-1:0] y,
  output logic                sat
);
  localparam logic signed [W-1:0] MAXV = {1'b0, {(W-1){1'b1}}};
  localparam logic signed [W-1:0] MINV = {1'b1, {(W-1){1'b0}}};
  logic signed [W:0] s_add, s_sub;
  always_comb begin
    s_add = a + b;
    s_sub = a - b;
    if (!sub) begin
      if (s_add > MAXV)      begin y = MAXV; sat = 1'b1; end
      else if (s_add < MINV) begin y = MINV; sat = 1'b1; end
      else                   begin y = s_add[W-1:0]; sat = 1'b0; end
    end else begin
      if (s_sub > MAXV)      begin y = MAXV; sat = 1'b1; end
      else if (s_sub < MINV) begin y = MINV; sat = 1'b1; end
      else                   begin y = s_sub[W-1:0]; sat = 1'b0; end
    end
  end
endmodule

module mixer_lane (
  input  logic               clk,
  input  logic signed [19:0] x0,
  input  logic signed [19:0] x1,
  input  logic               diff_mode,
  output logic signed [19:0] out,
  output logic               clip
);
  logic signed [19:0] y;
  logic               s;
  sat_addsub #(.W(20)) u_as (.a(x0), .b(x1), .sub(diff_mode), .y(y), .sat(s));
  always_ff @(posedge clk) begin
    out  <= y;
    clip <= s;
  end
endmodule
