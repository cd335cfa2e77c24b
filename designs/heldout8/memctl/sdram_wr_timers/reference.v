// Both timers start on the same command and count down together: tWTR = max(tWR - 2, 0).
// One 3-bit counter holds tWR; tWTR has expired once it is <= 2.
module sdram_wr_timers (
  input  clk,
  input  rst_n,
  input  wr_cmd,
  input  rd_req,
  input  pre_req,
  output rd_ok,
  output pre_ok
);
  reg [2:0] cnt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n)         cnt <= 3'd0;
    else if (wr_cmd)    cnt <= 3'd6;
    else if (cnt != 0)  cnt <= cnt - 1'b1;
  assign rd_ok  = rd_req  & (cnt <= 3'd2);
  assign pre_ok = pre_req & (cnt == 3'd0);
endmodule
