module hs_fsm (input logic clk, input logic rst, input logic req, input logic stall, input logic sel,
               input logic [3:0] ack, output logic busy, output logic done);
  logic [1:0] st;
  always_ff @(posedge clk)
    if (rst) st <= 2'd0;
    else case (st)
      2'd0: if (req & ~stall) st <= 2'd1;
      2'd1: st <= 2'd2;
      2'd2: if (|ack) st <= 2'd3;
      default: st <= 2'd0;
    endcase
  assign busy = (st != 2'd0);
  assign done = (st == 2'd3);
endmodule
