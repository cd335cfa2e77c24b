// Register scoreboard: busy bit per destination register; a separate statistics
// instance tracks the number of in-flight writes to report 'idle'.
module sb_stats #(parameter CW = 8) (
  input               clk,
  input               rst,
  input               inc,
  input               dec,
  output reg [CW-1:0] cnt
);
  always @(posedge clk) begin
    if (rst) cnt <= {CW{1'b0}};
    else case ({inc, dec})
      2'b10:   cnt <= cnt + 1'b1;
      2'b01:   cnt <= cnt - 1'b1;
      default: cnt <= cnt;
    endcase
  end
endmodule

module scoreboard #(parameter NREG = 32, parameter AW = 5, parameter CW = 8) (
  input           clk,
  input           rst,
  input           issue,
  input  [AW-1:0] issue_rd,
  input           wb,
  input  [AW-1:0] wb_rd,
  input  [AW-1:0] rs1,
  input  [AW-1:0] rs2,
  output          stall,
  output          idle
);
  reg  [NREG-1:0] busy;
  wire [CW-1:0]   inflight;
  wire set_ok = issue & ~busy[issue_rd] & ~busy[rs1] & ~busy[rs2];
  wire clr    = wb & busy[wb_rd];
  integer i;
  always @(posedge clk) begin
    if (rst) busy <= {NREG{1'b0}};
    else begin
      for (i = 0; i < NREG; i = i + 1) begin
        if (set_ok && issue_rd == i)   busy[i] <= 1'b1;
        else if (clr && wb_rd == i)    busy[i] <= 1'b0;
      end
    end
  end
  sb_stats #(.CW(CW)) u_stats (.clk(clk), .rst(rst), .inc(set_ok), .dec(clr), .cnt(inflight));
  assign stall = issue & ~set_ok;
  assign idle  = (inflight == 0);
endmodule

module scoreboard_top (
  input        clk,
  input        rst,
  input        issue,
  input  [2:0] issue_rd,
  input        wb,
  input  [2:0] wb_rd,
  input  [2:0] rs1,
  input  [2:0] rs2,
  output       stall,
  output       idle
);
  scoreboard #(.NREG(8), .AW(3), .CW(4)) u_sb (.clk(clk), .rst(rst), .issue(issue), .issue_rd(issue_rd),
    .wb(wb), .wb_rd(wb_rd), .rs1(rs1), .rs2(rs2), .stall(stall), .idle(idle));
endmodule
