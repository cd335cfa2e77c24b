// CAN-style bit stuffing: the run counter never exceeds 4, so "== 4" is its bit 2; 3-bit counter.
module can_stuffer (
  input  logic clk,
  input  logic rst_n,
  input  logic tick,       // one bit time
  input  logic tx_bit,     // next data bit
  output logic take,       // data bit consumed this bit time
  output logic line
);
  logic [2:0] same;        // equal bits sent minus one (0..4)
  logic       last;
  logic       stuff;

  assign stuff = same[2];
  assign take  = tick && !same[2];

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      same <= '0;
      last <= 1'b1;
      line <= 1'b1;
    end else if (tick) begin
      if (stuff) begin
        line <= ~last;
        last <= ~last;
        same <= '0;
      end else begin
        line <= tx_bit;
        last <= tx_bit;
        same <= (tx_bit == last) ? same + 3'd1 : 3'd0;
      end
    end
  end
endmodule
