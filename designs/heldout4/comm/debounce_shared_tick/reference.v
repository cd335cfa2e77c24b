// Push-button debouncer bank: one sample-tick prescaler shared by all buttons, each button
// has a 4-sample shift register; the output changes when 4 consecutive samples agree.
module debounce (
  input  wire clk,
  input  wire rst_n,
  input  wire tick,
  input  wire btn_raw,
  output reg  btn_clean
);
  reg [3:0] samples;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      samples   <= 4'd0;
      btn_clean <= 1'b0;
    end else if (tick) begin
      samples <= {samples[2:0], btn_raw};
      if (&samples)       btn_clean <= 1'b1;
      else if (~|samples) btn_clean <= 1'b0;
    end
  end
endmodule

module button_bank (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [3:0] buttons,
  output wire [3:0] pressed
);
  localparam PRESCALE = 2500;
  reg [11:0] presc;
  wire       tick = (presc == PRESCALE - 1);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) presc <= 12'd0;
    else        presc <= tick ? 12'd0 : presc + 12'd1;
  end

  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : g_btn
      debounce u_db (.clk(clk), .rst_n(rst_n), .tick(tick), .btn_raw(buttons[i]), .btn_clean(pressed[i]));
    end
  endgenerate
endmodule
