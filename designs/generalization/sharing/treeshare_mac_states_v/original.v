// Three-tap signed FIR step on a sequencer: one tap per state, the taps written in two
// always blocks (the accumulator and the output register), state codes as localparams,
// synchronous active-low reset.
module tap_seq #(parameter W = 8, parameter AW = 20) (
  input                   clk,
  input                   rst_n,
  input                   go,
  input      [W-1:0]      s0, s1, s2,
  input      [W-1:0]      h0, h1, h2,
  output reg [AW-1:0]     y,
  output reg              vld
);
  localparam [1:0] S_IDLE = 2'd0, S_T0 = 2'd1, S_T1 = 2'd2, S_T2 = 2'd3;
  reg [1:0] state;
  reg signed [AW-1:0] acc;

  always @(posedge clk) begin
    if (!rst_n) state <= S_IDLE;
    else case (state)
      S_IDLE: if (go) state <= S_T0;
      S_T0:   state <= S_T1;
      S_T1:   state <= S_T2;
      default: state <= S_IDLE;
    endcase
  end

  always @(posedge clk) begin
    if (!rst_n) acc <= {AW{1'b0}};
    else if (state == S_IDLE) acc <= {AW{1'b0}};
    else if (state == S_T0) acc <= acc + $signed(s0) * $signed(h0);
    else if (state == S_T1) acc <= $signed(h1) * $signed(s1) + acc;
  end

  always @(posedge clk) begin
    if (!rst_n) begin
      y <= {AW{1'b0}};
      vld <= 1'b0;
    end else begin
      vld <= state == S_T2;
      if (state == S_T2) y <= acc + $signed(s2) * $signed(h2);
    end
  end
endmodule

module fir3_seq (
  input             clk,
  input             rst_n,
  input             go,
  input      [6:0]  s0, s1, s2,
  input      [6:0]  h0, h1, h2,
  output     [15:0] y,
  output            vld
);
  tap_seq #(.W(7), .AW(16)) u_tap (.clk(clk), .rst_n(rst_n), .go(go), .s0(s0), .s1(s1), .s2(s2),
                                   .h0(h0), .h1(h1), .h2(h2), .y(y), .vld(vld));
endmodule
