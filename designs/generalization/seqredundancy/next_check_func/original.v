// Data holding register with registered check bits: the check byte and the zero flag are
// recomputed from the value being loaded, through functions, in the same clocked block.
module hold_check (
  input             clk,
  input             rst,
  input             ld,
  input             clr,
  input      [15:0] din,
  output reg [15:0] data,
  output reg [4:0]  chk,
  output reg        is_zero
);
  reg [15:0] data_next;

  function [4:0] check_bits;
    input [15:0] v;
    integer i;
    begin
      check_bits = 5'd0;
      for (i = 0; i < 16; i = i + 1)
        if (v[i]) check_bits = check_bits ^ (i[4:0] + 5'd1);
    end
  endfunction

  function zero16;
    input [15:0] v;
    zero16 = ~|v;
  endfunction

  always @(*) begin
    data_next = data;
    if (clr)
      data_next = 16'd0;
    else if (ld)
      data_next = din;
  end

  always @(posedge clk) begin
    if (rst) begin
      data    <= 16'd0;
      chk     <= 5'd0;
      is_zero <= 1'b1;
    end else begin
      data    <= data_next;
      chk     <= check_bits(data_next);
      is_zero <= zero16(data_next);
    end
  end
endmodule
