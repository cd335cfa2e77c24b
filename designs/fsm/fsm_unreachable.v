// Two debug states (DBG1, DBG2) are declared and handled but unreachable from reset (5 -> 3).
module fsm_unr (
  input      clk, rst, a, b,
  output     y
);
  localparam IDLE = 3'd0, RUN = 3'd1, DONE = 3'd2, DBG1 = 3'd3, DBG2 = 3'd4;
  reg [2:0] state;
  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else case (state)
      IDLE: state <= a ? RUN : IDLE;
      RUN:  state <= b ? DONE : RUN;
      DONE: state <= IDLE;
      DBG1: state <= a ? DBG2 : RUN;
      DBG2: state <= b ? DBG1 : DONE;
      default: state <= IDLE;
    endcase
  end
  assign y = (state == RUN) || (state == DBG1);
endmodule
