// DMA channel grant: the winner is the isolated lowest set bit of the ready vector (x & -x).
module dma_grant #(
  parameter int NCH = 16
) (
  input  logic           clk,
  input  logic           rst_n,
  input  logic [NCH-1:0] req,
  input  logic [NCH-1:0] mask,
  input  logic           free,
  output logic [NCH-1:0] gnt_q
);
  logic [NCH-1:0] ready;
  logic [NCH-1:0] gnt;
  assign ready = req & ~mask;
  assign gnt   = {NCH{free}} & ready & (~ready + 1'b1);

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) gnt_q <= '0;
    else        gnt_q <= gnt;
endmodule
