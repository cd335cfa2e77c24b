// Accumulator with a power-of-two input gain: one adder and one shifter; the mode selects the amount.
module acc_scaler (
  input  wire [1:0]  mode,
  input  wire [3:0]  g,
  input  wire [19:0] acc,
  input  wire [19:0] x,
  output wire [19:0] y
);
  wire [3:0]  amt = mode[1] ? 4'd2 : (mode[0] ? g : 4'd0);
  wire [19:0] addend = (mode == 2'b11) ? 20'd0 : (x << amt);
  assign y = acc + addend;
endmodule
