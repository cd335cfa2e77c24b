// CAN bit timing with counters sized from BRP and TSEG1+TSEG2.
module can_bit_timer #(
  parameter int BRP   = 8,
  parameter int TSEG1 = 13,
  parameter int TSEG2 = 2
) (
  input  logic clk,
  input  logic rst,
  input  logic hard_sync,
  input  logic rx,
  output logic sample_pt,
  output logic bit_end,
  output logic rx_sampled
);
  localparam int PW = $clog2(BRP);
  localparam int QW = $clog2(TSEG1 + TSEG2 + 1);
  logic [PW-1:0] presc;
  logic [QW-1:0] tq;
  logic          tq_tick, last_tq;

  assign tq_tick = (presc == PW'(BRP - 1));
  assign last_tq = (tq == QW'(TSEG1 + TSEG2));
  assign bit_end = tq_tick && last_tq;

  always_ff @(posedge clk) begin
    if (rst || hard_sync) begin
      presc     <= '0;
      tq        <= '0;
      sample_pt <= 1'b0;
    end else begin
      presc     <= tq_tick ? '0 : presc + 1'b1;
      sample_pt <= tq_tick && (tq == QW'(TSEG1));
      if (tq_tick) tq <= last_tq ? '0 : tq + 1'b1;
    end
  end

  always_ff @(posedge clk) begin
    if (rst)            rx_sampled <= 1'b1;
    else if (sample_pt) rx_sampled <= rx;
  end
endmodule

module can_btl (
  input  logic clk,
  input  logic rst,
  input  logic hard_sync,
  input  logic rx,
  output logic sample_pt,
  output logic bit_end,
  output logic rx_sampled
);
  can_bit_timer #(.BRP(5), .TSEG1(11), .TSEG2(4)) u_bt (.*);
endmodule
