// 4-bit serial-nibble sync detector: the word A 5 A 5 (oldest first) on the last four nibbles
module nib_sync (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [3:0] nib,
  output logic       locked
);
  logic [3:0] h0, h1, h2, h3;   // h0 = newest nibble
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      h0 <= 4'h0;
      h1 <= 4'h0;
      h2 <= 4'h0;
      h3 <= 4'h0;
    end else begin
      h0 <= nib;
      h1 <= h0;
      h2 <= h1;
      h3 <= h2;
    end
  end
  assign locked = (h3 == 4'hA) & (h2 == 4'h5) & (h1 == 4'hA) & (h0 == 4'h5);
endmodule
