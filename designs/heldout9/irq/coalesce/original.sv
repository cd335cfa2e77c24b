// Interrupt coalescing: raise the interrupt after MAX_EV events or TMO cycles after the first
// pending event, whichever comes first. A pending flag records that at least one event is waiting.
module irq_coalesce #(parameter int MAX_EV = 16, parameter int TMO = 1000) (
  input  logic clk, rst,
  input  logic ev,
  output logic irq,
  output logic [$clog2(MAX_EV+1)-1:0] count
);
  int   timer;
  logic pending;
  logic fire;
  assign fire = pending && ((count == MAX_EV) || (timer == TMO));
  always_ff @(posedge clk) begin
    if (rst) begin count <= '0; timer <= 0; pending <= 1'b0; irq <= 1'b0; end
    else begin
      irq <= fire;
      if (fire) begin
        count <= ev ? 1 : 0; timer <= 0; pending <= ev;
      end else begin
        if (ev && count != MAX_EV) count <= count + 1'b1;
        if (ev) pending <= 1'b1;
        if (pending) timer <= timer + 1;
      end
    end
  end
endmodule

module nic_irq (
  input  logic clk, rst, rx_ev,
  output logic rx_irq,
  output logic [3:0] rx_count
);
  irq_coalesce #(.MAX_EV(12), .TMO(200)) u_rx (.clk, .rst, .ev(rx_ev), .irq(rx_irq), .count(rx_count));
endmodule
