// CAN-style bit stuffing: after five equal bits in a row a complementary stuff bit is inserted.
module can_stuffer (
  input  logic clk,
  input  logic rst_n,
  input  logic tick,       // one bit time
  input  logic tx_bit,     // next data bit
  output logic take,       // data bit consumed this bit time
  output logic line
);
  logic [3:0] same;        // equal bits sent minus one (0..4)
  logic       last;
  logic       stuff;

  assign stuff = (same == 4'd4);
  assign take  = tick && (same != 4'd4);

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
        same <= (tx_bit == last) ? same + 4'd1 : 4'd0;
      end
    end
  end
endmodule
