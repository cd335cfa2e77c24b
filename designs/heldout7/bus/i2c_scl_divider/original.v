// I2C master SCL generator: four quarter-periods per SCL cycle
module i2c_scl_gen #(parameter DIV = 250) (
  input clk, input rst, input en,
  output reg scl, output reg tick, output reg [1:0] phase
);
  reg [15:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      cnt <= 16'd0; phase <= 2'd0; scl <= 1'b1; tick <= 1'b0;
    end else begin
      tick <= 1'b0;
      if (!en) begin
        cnt <= 16'd0; phase <= 2'd0; scl <= 1'b1;
      end else if (cnt == DIV - 1) begin
        cnt   <= 16'd0;
        phase <= phase + 2'd1;
        tick  <= 1'b1;
        if (phase == 2'd1) scl <= 1'b0;
        else if (phase == 2'd3) scl <= 1'b1;
      end else begin
        cnt <= cnt + 16'd1;
      end
    end
  end
endmodule

module i2c_clkgen (input clk, input rst, input en, output scl, output tick, output [1:0] phase);
  i2c_scl_gen #(.DIV(125)) u_gen (.clk(clk), .rst(rst), .en(en), .scl(scl), .tick(tick), .phase(phase));
endmodule
