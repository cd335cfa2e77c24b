// Framing checker: a 12-stage tap line in one child, the parity of all taps in a
// sibling child (a gate chain built by a generate loop), connected by name.
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

module xor_chain (v, odd);
  input [11:0] v;
  output odd;
  wire [12:0] c;
  assign c[0] = 1'b0;
  genvar i;
  generate
    for (i = 0; i < 12; i = i + 1) begin : g
      assign c[i + 1] = c[i] ^ v[i];
    end
  endgenerate
  assign odd = c[12];
endmodule

module frame_chk (clk, rst_n, shift, bit_in, bit_out, odd_flag, err);
  input clk, rst_n, shift, bit_in;
  output bit_out, odd_flag;
  output reg err;
  wire [11:0] taps;
  wire w_odd;
  tap_line u_line (.clk(clk), .rst_n(rst_n), .shift(shift), .bit_in(bit_in), .taps(taps), .bit_out(bit_out));
  xor_chain u_chk (.v(taps), .odd(w_odd));
  assign odd_flag = w_odd;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) err <= 1'b0;
    else err <= w_odd & bit_in;
endmodule
