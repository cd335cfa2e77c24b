// Small LIFO stack with registered empty/full flags.
module lifo #(parameter int DEPTH = 8, parameter int W = 8) (
  input  logic         clk,
  input  logic         rst,
  input  logic         push,
  input  logic         pop,
  input  logic [W-1:0] din,
  output logic [W-1:0] dout,
  output logic         empty,
  output logic         full
);
  localparam int SW = $clog2(DEPTH + 1);
  logic [DEPTH-1:0][W-1:0] mem;
  logic [SW-1:0]           sp;
  logic do_push, do_pop;
  assign do_push = push && !full;
  assign do_pop  = pop && !push && !empty;
  always_ff @(posedge clk) begin
    if (rst) begin
      mem   <= '0;
      sp    <= '0;
      empty <= 1'b1;
      full  <= 1'b0;
    end else if (do_push) begin
      mem[sp] <= din;
      sp      <= sp + 1'b1;
      empty   <= 1'b0;
      full    <= (sp == SW'(DEPTH - 1));
    end else if (do_pop) begin
      sp    <= sp - 1'b1;
      full  <= 1'b0;
      empty <= (sp == SW'(1));
    end
  end
  assign dout = empty ? '0 : mem[sp - 1'b1];
endmodule

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
  lifo #(.DEPTH(6), .W(4)) u_lifo (.*);
endmodule
