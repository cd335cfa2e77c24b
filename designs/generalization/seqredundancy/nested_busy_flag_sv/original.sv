// DMA engine, one level below the top: a transfer counter instance is loaded with the length given
// at 'go' (when idle) and counts down the beats; an activity flag in a sibling instance is set by
// the same 'go' and cleared on the last beat. The flag is always (remaining != 0).
module xfer_cnt #(parameter int W = 4) (
  input  logic         clk,
  input  logic         rst,
  input  logic         go,
  input  logic [W-1:0] len,
  input  logic         beat,
  output logic [W-1:0] remaining
);
  always_ff @(posedge clk) begin
    if (rst)                                remaining <= '0;
    else if (go && remaining == '0)         remaining <= (len == '0) ? W'(1) : len;
    else if (beat && remaining != '0)       remaining <= remaining - 1'b1;
  end
endmodule

module act_flag (
  input  logic clk,
  input  logic rst,
  input  logic set,
  input  logic clr,
  output logic active
);
  always_ff @(posedge clk) begin
    if (rst) active <= 1'b0;
    else if (set) active <= 1'b1;
    else if (clr) active <= 1'b0;
  end
endmodule

module dma_eng #(parameter int W = 4) (
  input  logic         clk,
  input  logic         rst,
  input  logic         go,
  input  logic [W-1:0] len,
  input  logic         beat,
  output logic         busy,
  output logic         last
);
  logic [W-1:0] remaining;
  logic start;
  assign start = go && !busy;
  assign last  = beat && remaining == W'(1);
  xfer_cnt #(.W(W)) u_cnt (.clk, .rst, .go(start), .len, .beat, .remaining);
  act_flag          u_act (.clk, .rst, .set(start), .clr(last), .active(busy));
endmodule

module dma_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       go,
  input  logic [5:0] len,
  input  logic       beat,
  output logic       busy,
  output logic       last
);
  dma_eng #(.W(6)) u_eng (.*);
endmodule
