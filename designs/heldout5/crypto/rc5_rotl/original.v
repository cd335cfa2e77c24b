// RC5-32 encryption half round: A = ((A ^ B) <<< B) + S, data-dependent rotation.
module rc5_half_round (
  input  wire        clk,
  input  wire        load,
  input  wire [31:0] a_in,
  input  wire [31:0] b_in,
  input  wire [31:0] s_key,
  output reg  [31:0] a_out,
  output reg  [31:0] b_out
);
  wire [31:0] x   = a_in ^ b_in;
  wire [4:0]  n   = b_in[4:0];
  wire [31:0] rot = (x << n) | (x >> (6'd32 - n));
  always @(posedge clk)
    if (load) begin
      a_out <= b_in;                  // halves swap for the next half round
      b_out <= rot + s_key;
    end
endmodule
