module traffic(input clk, input rst, input car, output reg [2:0] lamp);
  localparam GREEN = 0, YELLOW = 1, RED = 2, REDWAIT = 3;
  reg [3:0] state;
  reg [7:0] timer;
  always @(posedge clk) begin
    if (rst) begin
      state <= 4'b0001;
      timer <= 8'd0;
    end else begin
      timer <= timer + 8'd1;
      if (state[GREEN] && car) begin
        state <= 4'b0000; state[YELLOW] <= 1'b1; timer <= 8'd0;
      end else if (state[YELLOW] && timer == 8'd3) begin
        state <= 4'b0000; state[RED] <= 1'b1; timer <= 8'd0;
      end else if (state[RED] && timer == 8'd20) begin
        state <= 4'b0000; state[REDWAIT] <= 1'b1; timer <= 8'd0;
      end else if (state[REDWAIT] && timer == 8'd2) begin
        state <= 4'b0000; state[GREEN] <= 1'b1; timer <= 8'd0;
      end
    end
  end
  always @(*) begin
    lamp = 3'b000;
    if (state[GREEN]) lamp = 3'b001;
    if (state[YELLOW]) lamp = 3'b010;
    if (state[RED] | state[REDWAIT]) lamp = 3'b100;
  end
endmodule
