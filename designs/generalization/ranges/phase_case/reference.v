module phaser (
  input        clk, rst, go,
  output [7:0] phase_o,
  output       last
);
  reg [2:0] phase;
  always @(posedge clk) begin
    if (rst) phase <= 3'd0;
    else if (go) phase <= (phase >= 3'd5) ? 3'd0 : phase + 3'd1;
  end
  assign phase_o = {5'd0, phase};
  assign last = phase == 3'd5;
endmodule
