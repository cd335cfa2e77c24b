// Link-layer whitening around a retiming register: each lane is XORed with a rotated copy of the
// session key (a generate loop in the whitener), registered, and de-whitened after the register with
// the key captured beside it. The key register also feeds a key-change flag.
module whiten #(
  parameter int W = 12,
  parameter int ROT = 5
) (
  input  logic [W-1:0] d,
  input  logic [W-1:0] key,
  output logic [W-1:0] q
);
  for (genvar i = 0; i < W; i++) begin : g_bit
    assign q[i] = d[i] ^ key[(i + ROT) % W];
  end
endmodule

module whiten_link #(
  parameter int W = 12
) (
  input  logic         clk,
  input  logic         arst_n,
  input  logic [W-1:0] din,
  input  logic [W-1:0] skey,
  output logic [W-1:0] dout,
  output logic         key_changed
);
  logic [W-1:0] wh;
  logic [W-1:0] line_q;
  logic [W-1:0] key_q;
  logic [W-1:0] key_qq;

  whiten #(.W(W), .ROT(5)) u_tx (.d(din), .key(skey), .q(wh));

  always_ff @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      line_q <= '0;
      key_q  <= '0;
      key_qq <= '0;
    end else begin
      line_q <= wh;
      key_q  <= skey;
      key_qq <= key_q;
    end
  end

  whiten #(.W(W), .ROT(5)) u_rx (.d(line_q), .key(key_q), .q(dout));
  assign key_changed = key_q != key_qq;
endmodule

module whiten_top (
  input  logic        clk,
  input  logic        arst_n,
  input  logic [15:0] din,
  input  logic [15:0] skey,
  output logic [15:0] dout,
  output logic        key_changed
);
  whiten_link #(.W(16)) u_link (.*);
endmodule
