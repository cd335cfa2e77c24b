// CAN CRC-15 (x^15+x^14+x^10+x^8+x^7+x^4+x^3+1) over the destuffed receive bits. The receiver
// also shifts the received CRC field through the register; a zero remainder means the frame is good.
// crc_zero is decoded from the register (the flag register always equalled crc == 0).
module can_crc15 #(parameter logic [14:0] POLY = 15'h4599) (
  input  logic clk, rst,
  input  logic clear,
  input  logic en,
  input  logic bit_in,
  output logic [14:0] crc,
  output logic crc_zero
);
  function automatic logic [14:0] step(input logic [14:0] c, input logic b);
    logic fb;
    fb = b ^ c[14];
    step = {c[13:0], 1'b0} ^ (fb ? POLY : 15'd0);
  endfunction
  logic [14:0] nxt;
  always_comb begin
    nxt = crc;
    if (clear) nxt = '0;
    else if (en) nxt = step(crc, bit_in);
  end
  always_ff @(posedge clk) begin
    if (rst) crc <= '0;
    else crc <= nxt;
  end
  assign crc_zero = (crc == 15'd0);
endmodule

module can_rx_crc (
  input  logic clk, rst, sof, sample, destuffed_bit, in_crc_field_end,
  output logic crc_err
);
  logic [14:0] crc;
  logic zero;
  can_crc15 #(.POLY(15'h4599)) u_crc (.clk, .rst, .clear(sof), .en(sample), .bit_in(destuffed_bit), .crc, .crc_zero(zero));
  assign crc_err = in_crc_field_end & ~zero;
endmodule
