// The in-flight counter is popcount(busy); only its zero test is used: idle = ~|busy.
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
  reg  [7:0] busy;
  wire set_ok = issue & ~busy[issue_rd] & ~busy[rs1] & ~busy[rs2];
  wire clr    = wb & busy[wb_rd];
  integer i;
  always @(posedge clk) begin
    if (rst) busy <= 8'd0;
    else begin
      for (i = 0; i < 8; i = i + 1) begin
        if (set_ok && issue_rd == i)   busy[i] <= 1'b1;
        else if (clr && wb_rd == i)    busy[i] <= 1'b0;
      end
    end
  end
  assign stall = issue & ~set_ok;
  assign idle  = ~|busy;
endmodule
