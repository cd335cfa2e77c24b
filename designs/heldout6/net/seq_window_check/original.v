// Is seq inside the receive window [base, base+WIN) modulo 2^16?
module seq_in_window #(
  parameter WIN = 512
) (
  input  [15:0] base,
  input  [15:0] seq,
  output        in_win
);
  wire [16:0] end_full = {1'b0, base} + WIN;
  wire [15:0] win_end  = end_full[15:0];
  wire        wraps    = end_full[16];
  assign in_win = wraps ? ((seq >= base) || (seq < win_end))
                        : ((seq >= base) && (seq < win_end));
endmodule

module seq_window_top (
  input  [15:0] rx_base,
  input  [15:0] rx_seq,
  input  [15:0] ack_base,
  input  [15:0] ack_seq,
  output        rx_ok,
  output        ack_ok
);
  seq_in_window #(.WIN(1000)) u_rx  (.base(rx_base),  .seq(rx_seq),  .in_win(rx_ok));
  seq_in_window #(.WIN(24))   u_ack (.base(ack_base), .seq(ack_seq), .in_win(ack_ok));
endmodule
