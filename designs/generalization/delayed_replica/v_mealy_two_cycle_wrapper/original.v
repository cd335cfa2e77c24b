// Credit machine with a "late" copy for a two-stage pipelined checker: the copy
// runs on the machine's inputs delayed two cycles (hold_n idles high), inside a
// wrapper below the top.
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
  output grant, busy, late_grant;
  output [2:0] cnt, late_cnt;
  reg [2:0] d1, d2;  // {req, rel, hold_n}, two stages
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      d1 <= 3'b001;
      d2 <= 3'b001;
    end else begin
      d1 <= {req, rel, hold_n};
      d2 <= d1;
    end
  credit_fsm #(.MAXC(5)) live (.clk(clk), .rst_n(rst_n), .req(req), .rel(rel), .hold_n(hold_n),
                               .grant(grant), .cnt(cnt), .busy(busy));
  credit_fsm #(.MAXC(5)) late (.clk(clk), .rst_n(rst_n), .req(d2[2]), .rel(d2[1]), .hold_n(d2[0]),
                               .grant(late_grant), .cnt(late_cnt), .busy());
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
