// Scrambler with a one-cycle peek: a Galois LFSR (x^8 + x^6 + x^5 + x^4 + 1) and a second copy
// seeded with the first one's successor, both advanced on 'adv'; the peek output is the second
// copy's LSB. Two instances of one parameterized module, bit-level next state.
module galois8 #(parameter [7:0] SEED = 8'h01) (
  input            clk,
  input            rst,
  input            adv,
  output reg [7:0] r,
  output           b
);
  wire fb = r[0];
  always @(posedge clk) begin
    if (rst) r <= SEED;
    else if (adv) begin
      r[7] <= fb;
      r[6] <= r[7];
      r[5] <= r[6] ^ fb;
      r[4] <= r[5] ^ fb;
      r[3] <= r[4] ^ fb;
      r[2] <= r[3];
      r[1] <= r[2];
      r[0] <= r[1];
    end
  end
  assign b = r[0];
endmodule

module scr_peek (
  input        clk,
  input        rst,
  input        adv,
  input  [7:0] din,
  output [7:0] dout,
  output       now_bit,
  output       peek_bit
);
  wire [7:0] s_now;
  galois8 #(.SEED(8'hA5)) g_now (.clk(clk), .rst(rst), .adv(adv), .r(s_now), .b(now_bit));
  assign peek_bit = s_now[1];  // the successor's LSB
  assign dout = din ^ s_now;
endmodule
