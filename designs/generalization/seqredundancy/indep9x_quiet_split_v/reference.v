module quiet_mon (
  input  wire       clk,
  input  wire       rst,
  input  wire       sync,
  output wire       quiet,
  output reg  [2:0] sync_hist
);
  always @(posedge clk)
    if (rst) sync_hist <= 3'b000;
    else     sync_hist <= {sync_hist[1:0], sync};
  assign quiet = ~|sync_hist;
endmodule
