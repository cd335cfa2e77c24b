// Hand reference: whitening and de-whitening with the same (registered) key cancel: the register
// holds the data as it came; the key register stays for the key-change flag.
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
  logic [W-1:0] key_q;
  logic [W-1:0] key_qq;

  always_ff @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      dout   <= '0;
      key_q  <= '0;
      key_qq <= '0;
    end else begin
      dout   <= din;
      key_q  <= skey;
      key_qq <= key_q;
    end
  end

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
