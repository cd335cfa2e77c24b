module traffic(input clk, input rst, input car, output [2:0] lamp);
  reg [1:0] st;   // 0 green, 1 yellow, 2 red, 3 red-wait: binary, advances in order
  reg [7:0] timer;
  wire go = (st == 2'd0) ? car : (st == 2'd1) ? (timer == 8'd3) : (st == 2'd2) ? (timer == 8'd20) : (timer == 8'd2);
  always @(posedge clk) begin
    if (rst) begin
      st <= 2'd0;
      timer <= 8'd0;
    end else begin
      timer <= go ? 8'd0 : timer + 8'd1;
      if (go) st <= st + 2'd1;
    end
  end
  assign lamp = {st[1], st == 2'd1, st == 2'd0};
endmodule
