// Automatic door: open on request, dwell, close; reopen if an obstacle is seen while closing.
module door_ctrl (
  input      clk,
  input      rst,
  input      tick,          // 100 ms
  input      request,
  input      obstacle,
  input      fully_open,
  input      fully_closed,
  output     motor_open,
  output     motor_close
);
  localparam CLOSED = 2'd0, OPENING = 2'd1, DWELL = 2'd2, CLOSING = 2'd3;
  localparam DWELL_T = 50;

  reg [1:0] state;
  integer   timer;
  reg       expired;

  always @(posedge clk) begin
    if (rst) begin
      state   <= CLOSED;
      timer   <= 0;
      expired <= 1'b1;
    end else begin
      case (state)
        CLOSED:  if (request) state <= OPENING;
        OPENING: if (fully_open) begin
                   state   <= DWELL;
                   timer   <= DWELL_T;
                   expired <= 1'b0;
                 end
        DWELL:   if (request || obstacle) begin
                   timer   <= DWELL_T;
                   expired <= 1'b0;
                 end else if (expired) begin
                   state <= CLOSING;
                 end else if (tick) begin
                   timer <= timer - 1;
                   if (timer == 1) expired <= 1'b1;
                 end
        CLOSING: if (obstacle || request) state <= OPENING;
                 else if (fully_closed)   state <= CLOSED;
      endcase
    end
  end

  assign motor_open  = (state == OPENING);
  assign motor_close = (state == CLOSING);
endmodule
