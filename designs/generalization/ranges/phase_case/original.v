module phaser (
  input        clk, rst, go,
  output [7:0] phase_o,
  output       last
);
  reg [7:0] phase;
  always @(posedge clk) begin
    if (rst) phase <= 8'd0;
    else if (go)
      case (phase)
        8'd0: phase <= 8'd1;
        8'd1: phase <= 8'd2;
        8'd2: phase <= 8'd3;
        8'd3: phase <= 8'd4;
        8'd4: phase <= 8'd5;
        default: phase <= 8'd0;
      endcase
  end
  assign phase_o = phase;
  assign last = phase == 8'd5;
endmodule
