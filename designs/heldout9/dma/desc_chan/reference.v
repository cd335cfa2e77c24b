// One DMA channel: a descriptor (address, beat count) is loaded on start; the address generator
// issues one beat per accepted request. A separate status block tracks busy/done for the CSR.
module dma_agen #(parameter AW = 16, parameter LW = 8, parameter BEAT = 4) (
  input  wire clk, rst,
  input  wire start,
  input  wire [AW-1:0] base,
  input  wire [LW-1:0] beats,
  input  wire ready,
  output reg  [AW-1:0] addr,
  output reg  [LW-1:0] remaining,
  output wire valid,
  output wire last
);
  always @(posedge clk)
    if (rst) begin addr <= {AW{1'b0}}; remaining <= {LW{1'b0}}; end
    else if (start && remaining == 0) begin addr <= base; remaining <= beats; end
    else if (valid && ready) begin addr <= addr + BEAT; remaining <= remaining - 1'b1; end
  assign valid = (remaining != 0);
  assign last  = (remaining == 1);
endmodule

module dma_status #(parameter LW = 8) (
  input  wire clk, rst,
  input  wire beat_done,
  input  wire last_beat,
  output reg  done_irq
);
  always @(posedge clk)
    if (rst) done_irq <= 1'b0;
    else done_irq <= beat_done && last_beat;
endmodule

module dma_chan (
  input  wire clk, rst,
  input  wire start,
  input  wire [19:0] base,
  input  wire [9:0] beats,
  input  wire ready,
  output wire [19:0] addr,
  output wire valid,
  output wire busy,
  output wire done_irq
);
  wire [9:0] rem;
  wire last;
  dma_agen #(.AW(20), .LW(10), .BEAT(8)) u_ag (.clk(clk), .rst(rst), .start(start), .base(base), .beats(beats),
    .ready(ready), .addr(addr), .remaining(rem), .valid(valid), .last(last));
  dma_status #(.LW(10)) u_st (.clk(clk), .rst(rst), .beat_done(valid & ready), .last_beat(last),
    .done_irq(done_irq));
  assign busy = valid;  // the status busy flag is exactly remaining != 0
endmodule
