// Button press classifier with a counter sized for LONG: on release, report a short or a long press (held >= LONG ticks).
module press_classifier #(
  parameter int LONG = 1000
) (
  input  logic clk,
  input  logic rst,
  input  logic tick,           // 10 ms time base
  input  logic btn,            // debounced, active high
  output logic short_press,
  output logic long_press,
  output logic holding_long    // still pressed and already long
);
  localparam int HW = $clog2(LONG + 1);
  logic [HW-1:0] held;      // saturates at LONG
  logic btn_q;

  always_ff @(posedge clk) begin
    if (rst) begin
      held        <= '0;
      btn_q       <= 1'b0;
      short_press <= 1'b0;
      long_press  <= 1'b0;
    end else begin
      btn_q       <= btn;
      short_press <= 1'b0;
      long_press  <= 1'b0;
      if (btn && tick && held != HW'(LONG)) held <= held + 1'b1;
      if (!btn && btn_q) begin               // release
        if (held == HW'(LONG)) long_press  <= 1'b1;
        else              short_press <= 1'b1;
        held <= '0;
      end
    end
  end

  assign holding_long = btn && (held == HW'(LONG));
endmodule

module button_ctrl (
  input  logic       clk,
  input  logic       rst,
  input  logic       tick,
  input  logic [1:0] btn,
  output logic [1:0] short_press,
  output logic [1:0] long_press,
  output logic [1:0] holding_long
);
  press_classifier #(.LONG(40))  u_b0 (.clk, .rst, .tick, .btn(btn[0]), .short_press(short_press[0]),
                                       .long_press(long_press[0]), .holding_long(holding_long[0]));
  press_classifier #(.LONG(100)) u_b1 (.clk, .rst, .tick, .btn(btn[1]), .short_press(short_press[1]),
                                       .long_press(long_press[1]), .holding_long(holding_long[1]));
endmodule
