// One comparator per channel: hot' = carry(temp + ~th + hot) with th = hot ? th_lo : th_hi
// (carry-in 0 gives temp > th_hi, carry-in 1 gives temp >= th_lo).
module thermal_mon (
  input            clk,
  input            rst,
  input     [47:0] temps,
  input     [11:0] th_hi,
  input     [11:0] th_lo,
  output reg [3:0] hot
);
  integer i;
  reg [12:0] s;
  always @(posedge clk) begin
    if (rst) hot <= 4'd0;
    else begin
      for (i = 0; i < 4; i = i + 1) begin
        s = {1'b0, temps[i*12 +: 12]} + {1'b0, ~(hot[i] ? th_lo : th_hi)} + hot[i];
        hot[i] <= s[12];
      end
    end
  end
endmodule
