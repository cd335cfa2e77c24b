// Block scaler by powers of two: the common number of trailing zeros of four samples (a casez per
// sample in a generate loop, a two-level min tree written with if/else) is shifted out of every sample.
module tzc8 (
  input  logic [7:0] x,
  output logic [3:0] n
);
  always_comb
    casez (x)
      8'b???????1: n = 4'd0;
      8'b??????10: n = 4'd1;
      8'b?????100: n = 4'd2;
      8'b????1000: n = 4'd3;
      8'b???10000: n = 4'd4;
      8'b??100000: n = 4'd5;
      8'b?1000000: n = 4'd6;
      8'b10000000: n = 4'd7;
      default:     n = 4'd8;
    endcase
endmodule

module tz_block (
  input  logic            clk,
  input  logic            rst_n,
  input  logic [3:0][7:0] s,
  output logic [3:0]      k_q,
  output logic [3:0][7:0] r_q
);
  logic [3:0][3:0] t;
  logic [3:0] m01, m23, k;
  for (genvar g = 0; g < 4; g++) begin : g_tz
    tzc8 u_tz (.x(s[g]), .n(t[g]));
  end
  always_comb begin
    if (t[1] < t[0]) m01 = t[1]; else m01 = t[0];
    if (t[3] < t[2]) m23 = t[3]; else m23 = t[2];
    if (m23 < m01) k = m23; else k = m01;
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      k_q <= '0;
      r_q <= '0;
    end else begin
      k_q <= k;
      for (int i = 0; i < 4; i++) r_q[i] <= s[i] >> k;
    end
endmodule
