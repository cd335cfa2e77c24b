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
  assign wr = push && !full;
  assign rd = pop && !empty;
  always_ff @(posedge clk) begin
    if (rst) begin
      wptr <= '0;
      rptr <= '0;
    end else begin
      if (wr) wptr <= wptr + 1'b1;
      if (rd) rptr <= rptr + 1'b1;
    end
  end
  always_ff @(posedge clk) begin
    if (rst) level <= '0;
    else begin
      unique case ({wr, rd})
        2'b10:   level <= level + 1'b1;
        2'b01:   level <= level - 1'b1;
        default: ;
      endcase
    end
  end
  assign full  = level[AW];
  assign empty = (level == '0);
endmodule

module fifo_level_top (
  input  logic       clk, rst, push, pop,
  output logic [1:0] wptr, rptr,
  output logic [2:0] level,
  output logic       full, empty
);
  fifo_level #(.AW(2)) u_lvl (.*);
endmodule
