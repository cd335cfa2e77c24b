// Accumulator with a power-of-two input gain: the sample is added as is, times 2**g (programmable),
// or times 4 (fixed boost), depending on the mode (one adder per mode as written).
module acc_scaler (
  input  wire [1:0]  mode,
  input  wire [3:0]  g,
  input  wire [19:0] acc,
  input  wire [19:0] x,
  output reg  [19:0] y
);
  always @* begin
    case (mode)
      2'b00:   y = acc + x;
      2'b01:   y = acc + (x << g);
      2'b10:   y = acc + (x << 2);
      default: y = acc;
    endcase
  end
endmodule
