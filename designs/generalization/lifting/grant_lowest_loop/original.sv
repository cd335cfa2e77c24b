// DMA channel grant: the lowest-numbered ready channel wins; the grant vector is built by a
// scanning loop with a 'taken' flag, and only issued when the engine is free.
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

  always_comb begin
    logic taken;
    taken = 1'b0;
    gnt   = '0;
    for (int c = 0; c < NCH; c++) begin
      if (free && ready[c] && !taken) begin
        gnt[c] = 1'b1;
        taken  = 1'b1;
      end
    end
  end

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) gnt_q <= '0;
    else        gnt_q <= gnt;
endmodule
