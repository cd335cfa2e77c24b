// Intercom talk-bus summer: three signed talker samples summed with saturation.
module talk_sum #(parameter int W = 16) (
  input  logic signed [W-1:0] a,
  input  logic signed [W-1:0] b,
  input  logic signed [W-1:0] c,
  output logic signed [W-1:0] y,
  output logic                clip
);
  localparam int MAXV = (1 << (W-1)) - 1;
  localparam int MINV = -(1 << (W-1));
  int s;
  always_comb begin
    s = int'(a) + int'(b) + int'(c);
    clip = 1'b0;
    if (s > MAXV) begin
      y = W'(MAXV);
      clip = 1'b1;
    end else if (s < MINV) begin
      y = W'(MINV);
      clip = 1'b1;
    end else begin
      y = a + b + c;
    end
  end
endmodule

module intercom_bus (
  input  logic signed [11:0] t0,
  input  logic signed [11:0] t1,
  input  logic signed [11:0] t2,
  output logic signed [11:0] spk,
  output logic               ovl
);
  talk_sum #(.W(12)) u_sum (.a(t0), .b(t1), .c(t2), .y(spk), .clip(ovl));
endmodule
