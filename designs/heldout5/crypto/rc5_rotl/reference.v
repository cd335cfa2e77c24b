// One rotator (log shifter with wrap-around) instead of two shifters and an OR.
module rc5_half_round (
  input  wire        clk,
  input  wire        load,
  input  wire [31:0] a_in,
  input  wire [31:0] b_in,
  input  wire [31:0] s_key,
  output reg  [31:0] a_out,
  output reg  [31:0] b_out
);
  wire [31:0] x  = a_in ^ b_in;
  wire [4:0]  n  = b_in[4:0];
  wire [31:0] r0 = n[0] ? {x[30:0],  x[31]}    : x;
  wire [31:0] r1 = n[1] ? {r0[29:0], r0[31:30]} : r0;
  wire [31:0] r2 = n[2] ? {r1[27:0], r1[31:28]} : r1;
  wire [31:0] r3 = n[3] ? {r2[23:0], r2[31:24]} : r2;
  wire [31:0] r4 = n[4] ? {r3[15:0], r3[31:16]} : r3;
  always @(posedge clk)
    if (load) begin
      a_out <= b_in;
      b_out <= r4 + s_key;
    end
endmodule
