// Multi-port FIFO pointers: up to four pushes and four pops per cycle. Both
// 16-bit pointers advance through the same helper function, which steps the
// pointer once per active port.
module mp_fifo_ptrs (
  input  wire        clk,
  input  wire        rst,
  input  wire [3:0]  push,
  input  wire [3:0]  pop,
  output reg  [15:0] wr_ptr,
  output reg  [15:0] rd_ptr
);
  function [15:0] step;
    input [15:0] ptr;
    input [3:0]  act;
    integer i;
    begin
      step = ptr;
      for (i = 0; i < 4; i = i + 1)
        if (act[i]) step = step + 16'd1;
    end
  endfunction

  always @(posedge clk) begin
    if (rst) begin
      wr_ptr <= 16'd0;
      rd_ptr <= 16'd0;
    end else begin
      wr_ptr <= step(wr_ptr, push);
      rd_ptr <= step(rd_ptr, pop);
    end
  end
endmodule
