// Credit link: the sender holds one credit, spends it on each word it pushes into the ring
// and gets it back when the sink pops the word, so the 8-word ring never holds more than one.
// Optimized: the ring is one word register and the credit (valid = !credit; never full).
module credit_link #(parameter int N = 8, parameter int DW = 8) (
  input  logic clk, rst_n,
  input  logic in_valid,
  input  logic [DW-1:0] in_data,
  output logic in_ready,
  output logic out_valid,
  output logic [DW-1:0] out_data,
  input  logic out_ready
);
  logic [DW-1:0] word;
  logic credit;
  assign in_ready = credit;
  assign out_valid = !credit;
  assign out_data = credit ? '0 : word;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      word <= '0;
      credit <= 1'b1;
    end else begin
      if (credit && in_valid) word <= in_data;
      credit <= credit ? !in_valid : out_ready;
    end
  end
endmodule
