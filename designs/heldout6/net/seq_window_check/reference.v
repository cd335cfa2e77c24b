// Receive-window check as one modular distance: (seq - base) mod 2^16 < WIN.
module seq_in_window #(
  parameter WIN = 512
) (
  input  [15:0] base,
  input  [15:0] seq,
  output        in_win
);
  wire [15:0] dist = seq - base;
  assign in_win = (dist < WIN);
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
