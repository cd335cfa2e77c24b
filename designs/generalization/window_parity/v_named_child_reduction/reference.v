// Framing checker: the window parity kept in one flip-flop next to the line.
module tap_line (clk, rst_n, shift, bit_in, taps, bit_out);
  input clk, rst_n, shift, bit_in;
  output [11:0] taps;
  output bit_out;
  reg [11:0] q;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 12'h005;
    else if (shift) q <= {bit_in, q[11:1]};
  assign taps = q;
  assign bit_out = q[0];
endmodule

module frame_chk (clk, rst_n, shift, bit_in, bit_out, odd_flag, err);
  input clk, rst_n, shift, bit_in;
  output bit_out, odd_flag;
  output reg err;
  wire [11:0] taps;
  reg par;
  tap_line u_line (.clk(clk), .rst_n(rst_n), .shift(shift), .bit_in(bit_in), .taps(taps), .bit_out(bit_out));
  // 12'h005 has even parity; the bit entering and the bit leaving change it
  always @(posedge clk or negedge rst_n)
    if (!rst_n) par <= 1'b0;
    else if (shift) par <= par ^ bit_in ^ taps[0];
  assign odd_flag = par;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) err <= 1'b0;
    else err <= par & bit_in;
endmodule
