// Credit machine with its "late" view: the live machine's outputs delayed two cycles.
module credit_fsm (clk, rst_n, req, rel, hold_n, grant, cnt, busy);
  parameter MAXC = 5;
  input clk, rst_n, req, rel, hold_n;
  output grant;
  output [2:0] cnt;
  output busy;
  reg [2:0] cnt;
  reg [1:0] ph;
  // Mealy grant: depends on the inputs of this cycle
  assign grant = req & hold_n & (cnt != MAXC) & (ph != 2'd3);
  assign busy = (ph != 2'd0);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      cnt <= 3'd0;
      ph <= 2'd0;
    end else begin
      if (!hold_n) ph <= 2'd3;
      else if (grant) ph <= 2'd1;
      else if (ph == 2'd3) ph <= 2'd0;
      else if (ph != 2'd0) ph <= ph + 2'd1;
      if (grant & ~rel) cnt <= cnt + 3'd1;
      else if (rel & ~grant & (cnt != 3'd0)) cnt <= cnt - 3'd1;
    end
endmodule

module credit_pair (clk, rst_n, req, rel, hold_n, grant, cnt, busy, late_grant, late_cnt);
  input clk, rst_n, req, rel, hold_n;
  output grant, busy;
  output reg late_grant;
  output [2:0] cnt;
  output reg [2:0] late_cnt;
  reg g1;
  reg [2:0] c1;
  credit_fsm #(.MAXC(5)) live (.clk(clk), .rst_n(rst_n), .req(req), .rel(rel), .hold_n(hold_n),
                               .grant(grant), .cnt(cnt), .busy(busy));
  // the late copy is the live machine two cycles later (grant included: its inputs are delayed too)
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      g1 <= 1'b0; late_grant <= 1'b0;
      c1 <= 3'd0; late_cnt <= 3'd0;
    end else begin
      g1 <= grant; late_grant <= g1;
      c1 <= cnt; late_cnt <= c1;
    end
endmodule

module credit_top (clk, rst_n, req, rel, hold_n, grant, cnt, late_any, late_cnt);
  input clk, rst_n, req, rel, hold_n;
  output grant, late_any;
  output [2:0] cnt, late_cnt;
  wire busy, late_grant;
  credit_pair u_pair (.clk(clk), .rst_n(rst_n), .req(req), .rel(rel), .hold_n(hold_n), .grant(grant),
                      .cnt(cnt), .busy(busy), .late_grant(late_grant), .late_cnt(late_cnt));
  assign late_any = late_grant | busy;
endmodule
