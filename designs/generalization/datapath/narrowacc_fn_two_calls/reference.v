// Multi-port FIFO pointers: each pointer adds the 3-bit count of its active
// ports (a small adder tree), one 16-bit add per pointer.
module mp_fifo_ptrs (
  input  wire        clk,
  input  wire        rst,
  input  wire [3:0]  push,
  input  wire [3:0]  pop,
  output reg  [15:0] wr_ptr,
  output reg  [15:0] rd_ptr
);
  wire [2:0] npush = (push[0] + push[1]) + (push[2] + push[3]);
  wire [2:0] npop  = (pop[0] + pop[1]) + (pop[2] + pop[3]);

  always @(posedge clk) begin
    if (rst) begin
      wr_ptr <= 16'd0;
      rd_ptr <= 16'd0;
    end else begin
      wr_ptr <= wr_ptr + {13'd0, npush};
      rd_ptr <= rd_ptr + {13'd0, npop};
    end
  end
endmodule
