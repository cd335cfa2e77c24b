// Digit-by-digit (restoring) square root: two bits of the radicand per step, one 9-bit subtraction
// per result bit, no multipliers or compares against squares.
module energy_root (
  input      [11:0] energy,
  output reg [5:0]  mag
);
  reg [7:0] rem;
  reg [8:0] trial;
  reg [7:0] cur;
  integer k;
  always @* begin
    rem = 8'd0;
    mag = 6'd0;
    for (k = 5; k >= 0; k = k - 1) begin
      cur   = {rem[5:0], energy[2*k +: 2]};
      trial = {1'b0, cur} - {1'b0, mag, 2'b01};
      if (!trial[8]) begin
        rem = trial[7:0];
        mag = {mag[4:0], 1'b1};
      end else begin
        rem = cur;
        mag = {mag[4:0], 1'b0};
      end
    end
  end
endmodule
