// One multiplier and one adder: phase[1] picks the operand pair (phase 1: first term, 2: second).
module dot2_seq (
  input  wire        clk,
  input  wire        rst,
  input  wire        start,
  input  wire [9:0]  x0,
  input  wire [9:0]  x1,
  input  wire [7:0]  c0,
  input  wire [7:0]  c1,
  output reg  [18:0] acc,
  output wire        busy
);
  reg  [1:0]  phase;
  wire        second = phase[1];
  wire [9:0]  xs     = second ? x1 : x0;
  wire [7:0]  cs     = second ? c1 : c0;
  wire [17:0] term   = xs * cs;
  wire [18:0] sum    = acc + term;
  assign busy = (phase != 2'd0);

  always @(posedge clk) begin
    if (rst) begin
      phase <= 2'd0;
      acc   <= 19'd0;
    end else if (phase == 2'd0) begin
      if (start) begin
        acc   <= 19'd0;
        phase <= 2'd1;
      end
    end else if (phase == 2'd1) begin
      acc   <= sum;
      phase <= 2'd2;
    end else begin
      acc   <= sum;
      phase <= 2'd0;
    end
  end
endmodule
