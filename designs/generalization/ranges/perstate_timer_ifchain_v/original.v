// Pedestrian crossing: the dwell timer counts up and each phase ends on its own limit (== compares).
module xwalk (
  input clk, input rst, input hold,
  output [1:0] phase, output walk, output dont_walk
);
  localparam P_CARS = 2'd0, P_CLEAR = 2'd1, P_WALK = 2'd2;
  localparam LIM_CARS = 16'd39, LIM_CLEAR = 16'd4, LIM_WALK = 16'd34;
  reg [1:0]  ph;
  reg [15:0] dwell;
  assign phase = ph;
  assign walk = (ph == P_WALK);
  assign dont_walk = (ph != P_WALK);
  always @(posedge clk) begin
    if (rst) begin
      ph <= P_CARS;
      dwell <= 16'd0;
    end else if (ph == P_CARS) begin
      if (dwell == LIM_CARS) begin
        ph <= P_CLEAR;
        dwell <= 16'd0;
      end else if (!hold)
        dwell <= dwell + 16'd1;
    end else if (ph == P_CLEAR) begin
      if (dwell == LIM_CLEAR) begin
        ph <= P_WALK;
        dwell <= 16'd0;
      end else
        dwell <= dwell + 16'd1;
    end else begin
      if (dwell == LIM_WALK) begin
        ph <= P_CARS;
        dwell <= 16'd0;
      end else
        dwell <= dwell + 16'd1;
    end
  end
endmodule
