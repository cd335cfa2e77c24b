// CAN bit timing: time quanta of BRP clocks; bit = SYNC(1) + TSEG1 + TSEG2 quanta; sample at end of TSEG1.
module can_bit_timer #(
  parameter int BRP   = 8,
  parameter int TSEG1 = 13,
  parameter int TSEG2 = 2
) (
  input  logic clk,
  input  logic rst,
  input  logic hard_sync,      // SOF edge: restart the bit
  input  logic rx,
  output logic sample_pt,      // one-clock strobe at the sample point
  output logic bit_end,
  output logic rx_sampled
);
  int   presc;
  int   tq;
  logic tq_tick;

  assign tq_tick = (presc == BRP - 1);
  assign bit_end = tq_tick && (tq == TSEG1 + TSEG2);

  always_ff @(posedge clk) begin
    if (rst || hard_sync) begin
      presc      <= 0;
      tq         <= 0;
      sample_pt  <= 1'b0;
    end else begin
      presc     <= tq_tick ? 0 : presc + 1;
      sample_pt <= tq_tick && (tq == TSEG1);
      if (tq_tick) tq <= (tq == TSEG1 + TSEG2) ? 0 : tq + 1;
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
