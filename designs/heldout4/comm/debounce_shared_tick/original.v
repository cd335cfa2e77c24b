// Push-button debouncer bank: each button has its own sample-tick prescaler and a
// 4-sample shift register; the output changes when 4 consecutive samples agree.
module debounce #(
  parameter PRESCALE = 1000
) (
  input  wire clk,
  input  wire rst_n,
  input  wire btn_raw,
  output reg  btn_clean
);
  reg [11:0] presc;
  reg [3:0]  samples;
  wire       tick = (presc == PRESCALE - 1);

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      presc     <= 12'd0;
      samples   <= 4'd0;
      btn_clean <= 1'b0;
    end else begin
      presc <= tick ? 12'd0 : presc + 12'd1;
      if (tick) begin
        samples <= {samples[2:0], btn_raw};
        if (&samples)       btn_clean <= 1'b1;
        else if (~|samples) btn_clean <= 1'b0;
      end
    end
  end
endmodule

module button_bank (
  input  wire       clk,
  input  wire       rst_n,
  input  wire [3:0] buttons,
  output wire [3:0] pressed
);
  genvar i;
  generate
    for (i = 0; i < 4; i = i + 1) begin : g_btn
      debounce #(.PRESCALE(2500)) u_db (.clk(clk), .rst_n(rst_n), .btn_raw(buttons[i]), .btn_clean(pressed[i]));
    end
  endgenerate
endmodule
