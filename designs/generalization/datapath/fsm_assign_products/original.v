// Dot product of two 2-element vectors over three cycles: x0*c0 in one state, x1*c1 in the next;
// the products are continuous assigns, the accumulator an if/else-if FSM.
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
  reg [1:0] phase;  // 0 idle, 1 first term, 2 second term
  wire [17:0] t0;
  wire [17:0] t1;
  assign t0 = x0 * c0;
  assign t1 = x1 * c1;
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
      acc   <= acc + t0;
      phase <= 2'd2;
    end else begin
      acc   <= acc + t1;
      phase <= 2'd0;
    end
  end
endmodule
