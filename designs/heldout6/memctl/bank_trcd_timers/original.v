// Per-bank timing checks: after ACTIVATE wait tRCD before READ/WRITE, after PRECHARGE wait tRP.
module bank_timers_core #(
  parameter NB   = 8,
  parameter TRCD = 14,
  parameter TRP  = 14
) (
  input               clk,
  input               rst,
  input               act,
  input               pre,
  input  [$clog2(NB)-1:0] bank,
  output [NB-1:0]     rw_ok,      // tRCD elapsed
  output [NB-1:0]     act_ok      // tRP elapsed
);
  reg [15:0] trcd_cnt [0:NB-1];
  reg [15:0] trp_cnt  [0:NB-1];
  integer i;

  always @(posedge clk) begin
    for (i = 0; i < NB; i = i + 1) begin
      if (rst) begin
        trcd_cnt[i] <= 16'd0;
        trp_cnt[i]  <= 16'd0;
      end else begin
        if (act && bank == i)        trcd_cnt[i] <= TRCD - 1;
        else if (trcd_cnt[i] != 0)   trcd_cnt[i] <= trcd_cnt[i] - 16'd1;
        if (pre && bank == i)        trp_cnt[i]  <= TRP - 1;
        else if (trp_cnt[i] != 0)    trp_cnt[i]  <= trp_cnt[i] - 16'd1;
      end
    end
  end

  genvar g;
  generate
    for (g = 0; g < NB; g = g + 1) begin : g_ok
      assign rw_ok[g]  = (trcd_cnt[g] == 16'd0);
      assign act_ok[g] = (trp_cnt[g]  == 16'd0);
    end
  endgenerate
endmodule

module bank_timers (
  input        clk,
  input        rst,
  input        act,
  input        pre,
  input  [1:0] bank,
  output [3:0] rw_ok,
  output [3:0] act_ok
);
  bank_timers_core #(.NB(4), .TRCD(5), .TRP(6)) u_core (.clk(clk), .rst(rst), .act(act), .pre(pre),
    .bank(bank), .rw_ok(rw_ok), .act_ok(act_ok));
endmodule
