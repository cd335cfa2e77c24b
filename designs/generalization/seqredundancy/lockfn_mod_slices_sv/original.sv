// Decade sequencer: a mod-10 step counter plus separate mod-5 (half-decade) and mod-2 (odd/even)
// counters advanced by the same strobe, each in its own module (SV, enum-free, unique case).
module step10 (
  input  logic       clk, rst_n, stb,
  output logic [3:0] idx,
  output logic       last
);
  assign last = stb && idx == 4'd9;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)   idx <= '0;
    else if (stb) idx <= (idx == 4'd9) ? 4'd0 : idx + 4'd1;
endmodule

module wrapn #(parameter int N = 5) (
  input  logic                     clk, rst_n, stb,
  output logic [$clog2(N+1)-1:0]   q,
  output logic                     w
);
  assign w = stb && q == N - 1;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) q <= '0;
    else if (stb) begin
      unique case (w)
        1'b1:    q <= '0;
        default: q <= q + 1'b1;
      endcase
    end
  end
endmodule

module decade_seq (
  input  logic       clk, rst_n, stb,
  output logic [3:0] idx,
  output logic       dec_end, half_end, pair_end,
  output logic       odd
);
  logic [2:0] q5;
  logic [1:0] q2;
  step10      u_dec  (.clk, .rst_n, .stb, .idx, .last(dec_end));
  wrapn #(5)  u_half (.clk, .rst_n, .stb, .q(q5), .w(half_end));
  wrapn #(2)  u_pair (.clk, .rst_n, .stb, .q(q2), .w(pair_end));
  assign odd = q2[0];
endmodule
