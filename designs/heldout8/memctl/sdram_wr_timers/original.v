// Write-recovery (tWR) and write-to-read (tWTR) timers of an SDRAM controller.
// Each timer is a generic down-counter instance loaded on a WRITE command.
module dn_timer #(parameter W = 16, parameter LOAD = 10) (
  input  clk,
  input  rst_n,
  input  start,
  output done
);
  reg [W-1:0] cnt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n)         cnt <= {W{1'b0}};
    else if (start)     cnt <= LOAD;
    else if (cnt != 0)  cnt <= cnt - 1'b1;
  assign done = (cnt == 0);
endmodule

module sdram_wr_timers (
  input  clk,
  input  rst_n,
  input  wr_cmd,
  input  rd_req,
  input  pre_req,
  output rd_ok,
  output pre_ok
);
  wire twtr_done, twr_done;
  dn_timer #(.W(8), .LOAD(4)) u_twtr (.clk(clk), .rst_n(rst_n), .start(wr_cmd), .done(twtr_done));
  dn_timer #(.W(8), .LOAD(6)) u_twr  (.clk(clk), .rst_n(rst_n), .start(wr_cmd), .done(twr_done));
  assign rd_ok  = rd_req  & twtr_done;
  assign pre_ok = pre_req & twr_done;
endmodule
