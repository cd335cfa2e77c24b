// FIFO pointer controller for an external dual-port RAM. Pointers carry an extra wrap bit;
// Gray-coded copies are exported for a clock-domain-crossing status block.
module fifo_ptr_ctrl #(
  parameter int DEPTH = 8,
  localparam int AW = $clog2(DEPTH)
) (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        push,
  input  logic        pop,
  output logic [AW-1:0] waddr,
  output logic [AW-1:0] raddr,
  output logic        full,
  output logic        empty,
  output logic [AW:0] wptr_gray,
  output logic [AW:0] rptr_gray
);
  logic [AW:0] wbin, rbin, wbin_nxt, rbin_nxt;
  logic do_push, do_pop;

  function automatic logic [AW:0] bin2gray(input logic [AW:0] b);
    bin2gray = b ^ (b >> 1);
  endfunction

  assign do_push  = push && !full;
  assign do_pop   = pop && !empty;
  assign wbin_nxt = wbin + (AW+1)'(do_push);
  assign rbin_nxt = rbin + (AW+1)'(do_pop);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      wbin <= '0;
      rbin <= '0;
    end else begin
      wbin <= wbin_nxt;
      rbin <= rbin_nxt;
    end
  end

  // the Gray pointers are a function of the binary ones: no extra registers
  assign wptr_gray = bin2gray(wbin);
  assign rptr_gray = bin2gray(rbin);

  assign waddr = wbin[AW-1:0];
  assign raddr = rbin[AW-1:0];
  assign empty = (wbin == rbin);
  assign full  = (wbin == {~rbin[AW], rbin[AW-1:0]});
endmodule

module fifo_ctrl_top (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       push,
  input  logic       pop,
  output logic [4:0] waddr,
  output logic [4:0] raddr,
  output logic       full,
  output logic       empty,
  output logic [5:0] wptr_gray,
  output logic [5:0] rptr_gray
);
  fifo_ptr_ctrl #(.DEPTH(32)) u_ctrl (.*);
endmodule
