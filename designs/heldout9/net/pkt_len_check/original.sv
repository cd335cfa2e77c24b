// Receive frame length: the byte counter saturates at its maximum; the MTU checker instance runs
// its own saturating counter (stopping at MTU+1) to flag oversize frames.
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

module mtu_check #(parameter int MTU = 1500, parameter int W = 11) (
  input  logic clk, rst, sof, byte_en,
  output logic oversize
);
  logic [W-1:0] c;
  always_ff @(posedge clk) begin
    if (rst) c <= '0;
    else if (sof) c <= '0;
    else if (byte_en && c != W'(MTU + 1)) c <= c + 1'b1;
  end
  assign oversize = (c == W'(MTU + 1));
endmodule

module rx_len (
  input  logic clk, rst, sof, byte_en,
  output logic [10:0] len,
  output logic oversize
);
  len_counter #(.W(11)) u_len (.clk, .rst, .sof, .byte_en, .len);
  mtu_check #(.MTU(1518), .W(11)) u_mtu (.clk, .rst, .sof, .byte_en, .oversize);
endmodule
