// Receive frame length: the byte counter saturates at its maximum; the MTU checker instance runs
// no counter of its own: its counter was always min(len, MTU+1), so oversize = len > MTU.
module len_counter #(parameter int W = 11) (
  input  logic clk, rst, sof, byte_en,
  output logic [W-1:0] len
);
  always_ff @(posedge clk) begin
    if (rst) len <= '0;
    else if (sof) len <= '0;
    else if (byte_en && len != '1) len <= len + 1'b1;
  end
endmodule

module rx_len (
  input  logic clk, rst, sof, byte_en,
  output logic [10:0] len,
  output logic oversize
);
  len_counter #(.W(11)) u_len (.clk, .rst, .sof, .byte_en, .len);
  assign oversize = (len > 11'd1518);
endmodule
