// Credit pool of 8: an issue pointer, a retire pointer (3 bits each) and a count of available
// credits updated in one expression (sync active-high reset, starts full).
module credit_pool (
  input  wire       clk,
  input  wire       reset,
  input  wire       issue,
  input  wire       retire,
  output reg  [2:0] iss_ptr,
  output reg  [2:0] ret_ptr,
  output wire [3:0] avail,
  output wire       can_issue
);
  reg all_q;  // every credit available (avail == 8)
  wire iss_ok = issue && (avail != 4'd0);
  wire ret_ok = retire && (avail != 4'd8);
  wire [3:0] nxt = avail + ret_ok - iss_ok;
  always @(posedge clk) begin
    if (reset) begin
      iss_ptr <= 3'd0;
      ret_ptr <= 3'd0;
      all_q   <= 1'b1;
    end else begin
      iss_ptr <= iss_ptr + iss_ok;
      ret_ptr <= ret_ptr + ret_ok;
      all_q   <= nxt[3];
    end
  end
  // the low bits of the count are the pointers' difference
  assign avail = {all_q, ret_ptr - iss_ptr};
  assign can_issue = |avail;
endmodule
