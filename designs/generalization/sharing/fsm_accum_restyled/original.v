module accfsm_r #(parameter W = 16) (
  input              clk, rst,
  input      [1:0]   cmd,
  input      [W-1:0] x,
  output reg [W-1:0] acc
);
  parameter IDLE = 2'd0, ADD = 2'd1, SUB = 2'd2, DBL = 2'd3;
  reg [1:0] state;
  always @(posedge clk)
    if (rst) begin
      state <= IDLE;
      acc   <= {W{1'b0}};
    end else if (state == ADD) begin
      acc <= acc + x; state <= IDLE;
    end else if (state == SUB) begin
      acc <= acc - x; state <= IDLE;
    end else if (state == DBL) begin
      acc <= acc + acc; state <= IDLE;
    end else
      state <= cmd;
endmodule
