// DVI TMDS encoder written after the DVI 1.0 flow chart: N1 and N0 of the
// intermediate word are counted separately.
module popcnt8 (
  input  logic [7:0] v,
  output logic [3:0] n
);
  always_comb begin
    n = '0;
    for (int i = 0; i < 8; i++) n += 4'(v[i]);
  end
endmodule

module tmds_enc #(parameter int CW = 5) (
  input  logic clk, rst_n, de,
  input  logic [7:0] d,
  input  logic [1:0] c,
  output logic [9:0] q
);
  logic [3:0] n1d, n1q, n0q;
  logic xnor_sel;
  logic [8:0] qm;
  logic signed [CW-1:0] cnt;

  popcnt8 u_nd (.v(d), .n(n1d));
  always_comb begin
    xnor_sel = (n1d > 4'd4) || (n1d == 4'd4 && !d[0]);
    qm[0] = d[0];
    for (int i = 1; i < 8; i++) qm[i] = xnor_sel ? ~(qm[i-1] ^ d[i]) : (qm[i-1] ^ d[i]);
    qm[8] = ~xnor_sel;
  end
  popcnt8 u_n1 (.v(qm[7:0]), .n(n1q));
  popcnt8 u_n0 (.v(~qm[7:0]), .n(n0q));

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      cnt <= '0; q <= '0;
    end else if (!de) begin
      cnt <= '0;
      unique case (c)
        2'b00:   q <= 10'b1101010100;
        2'b01:   q <= 10'b0010101011;
        2'b10:   q <= 10'b0101010100;
        default: q <= 10'b1010101011;
      endcase
    end else if (cnt == 0 || n1q == n0q) begin
      q <= {~qm[8], qm[8], qm[8] ? qm[7:0] : ~qm[7:0]};
      if (qm[8]) cnt <= cnt + CW'(n1q) - CW'(n0q);
      else       cnt <= cnt + CW'(n0q) - CW'(n1q);
    end else if ((!cnt[CW-1] && n1q > n0q) || (cnt[CW-1] && n0q > n1q)) begin
      q <= {1'b1, qm[8], ~qm[7:0]};
      cnt <= cnt + CW'({qm[8], 1'b0}) + CW'(n0q) - CW'(n1q);
    end else begin
      q <= {1'b0, qm[8], qm[7:0]};
      cnt <= cnt - CW'({~qm[8], 1'b0}) + CW'(n1q) - CW'(n0q);
    end
  end
endmodule

module dvi_tx (
  input  logic clk, rst_n, de, hsync, vsync,
  input  logic [7:0] r, g, b,
  output logic [9:0] tr, tg, tb
);
  tmds_enc #(.CW(6)) u_b (.clk, .rst_n, .de, .d(b), .c({vsync, hsync}), .q(tb));
  tmds_enc #(.CW(6)) u_g (.clk, .rst_n, .de, .d(g), .c(2'b00), .q(tg));
  tmds_enc #(.CW(6)) u_r (.clk, .rst_n, .de, .d(r), .c(2'b00), .q(tr));
endmodule
