// empty = (sp == 0) and full = (sp == 6): the flag registers go.
module stack_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       push,
  input  logic       pop,
  input  logic [3:0] din,
  output logic [3:0] dout,
  output logic       empty,
  output logic       full
);
  logic [5:0][3:0] mem;
  logic [2:0]      sp;
  logic do_push, do_pop;
  assign empty   = (sp == 3'd0);
  assign full    = (sp == 3'd6);
  assign do_push = push && !full;
  assign do_pop  = pop && !push && !empty;
  always_ff @(posedge clk) begin
    if (rst) begin
      mem <= '0;
      sp  <= '0;
    end else if (do_push) begin
      mem[sp] <= din;
      sp      <= sp + 3'd1;
    end else if (do_pop) begin
      sp <= sp - 3'd1;
    end
  end
  assign dout = empty ? '0 : mem[sp - 3'd1];
endmodule
