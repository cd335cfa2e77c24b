// Windowed watchdog: a prescaler divides the clock to a 1 ms tick; the 32-bit watchdog count
// is reloaded by a kick and bites when it reaches TIMEOUT_MS. A kick earlier than WINDOW_MS
// after the previous one is also a fault.
module wdt #(
  parameter int unsigned CLK_PER_MS = 1000,
  parameter int unsigned TIMEOUT_MS = 100,
  parameter int unsigned WINDOW_MS  = 10
) (
  input  logic clk,
  input  logic rst_n,
  input  logic enable,
  input  logic kick,
  output logic bite,
  output logic early_kick
);
  // both counters sized to the largest value they reach
  localparam int PW = $clog2(CLK_PER_MS);
  localparam int CW = $clog2(TIMEOUT_MS + 1);
  logic [PW-1:0] presc;
  logic [CW-1:0] count;
  logic        tick;

  assign tick = (presc == CLK_PER_MS - 1);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      presc      <= '0;
      count      <= '0;
      bite       <= 1'b0;
      early_kick <= 1'b0;
    end else if (!enable) begin
      presc <= '0;
      count <= '0;
    end else begin
      presc <= tick ? '0 : presc + 1'b1;
      if (kick) begin
        early_kick <= (count < WINDOW_MS);
        count      <= '0;
      end else if (tick && count != TIMEOUT_MS) begin
        count <= count + 1'b1;
      end
      if (count == TIMEOUT_MS) bite <= 1'b1;
    end
  end
endmodule

module wdt_top (
  input  logic clk,
  input  logic rst_n,
  input  logic enable,
  input  logic kick,
  output logic bite,
  output logic early_kick
);
  wdt #(.CLK_PER_MS(250), .TIMEOUT_MS(40), .WINDOW_MS(5)) u_wdt (.*);
endmodule
