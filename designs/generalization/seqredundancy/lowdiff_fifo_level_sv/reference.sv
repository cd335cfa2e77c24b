// Small FIFO bookkeeping: write and read pointers without wrap bits and a level counter kept in its
// own process with a unique case on the push/pop pair.
module fifo_level #(parameter int AW = 3) (
  input  logic          clk,
  input  logic          rst,
  input  logic          push,
  input  logic          pop,
  output logic [AW-1:0] wptr,
  output logic [AW-1:0] rptr,
  output logic [AW:0]   level,
  output logic          full,
  output logic          empty
);
  logic wr, rd;
  logic full_q;
  assign wr = push && !full;
  assign rd = pop && !empty;
  always_ff @(posedge clk) begin
    if (rst) begin
      wptr <= '0;
      rptr <= '0;
      full_q <= 1'b0;
    end else begin
      if (wr) wptr <= wptr + 1'b1;
      if (rd) rptr <= rptr + 1'b1;
      // full when a write fills the last slot, cleared by any read
      if (wr && !rd && (wptr + 1'b1 == rptr)) full_q <= 1'b1;
      else if (rd && !wr) full_q <= 1'b0;
    end
  end
  // the level's low bits are the pointer difference; the top bit is the full flag
  assign level = {full_q, wptr - rptr};
  assign full  = full_q;
  assign empty = !full_q && (wptr == rptr);
endmodule

module fifo_level_top (
  input  logic       clk, rst, push, pop,
  output logic [1:0] wptr, rptr,
  output logic [2:0] level,
  output logic       full, empty
);
  fifo_level #(.AW(2)) u_lvl (.*);
endmodule
