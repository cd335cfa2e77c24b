// Burst generator (SystemVerilog): start launches PULSES pulses of PERIOD cycles; a 16-bit cycle
// counter runs while busy and is restarted by start; busy ends at PULSES*PERIOD - 1 (12 x 20 from the top).
module burst_gen #(parameter int PULSES = 8, parameter int PERIOD = 16) (
  input  logic clk,
  input  logic rst,
  input  logic start,
  output logic busy,
  output logic pulse,
  output logic last
);
  logic [7:0] cyc;   // 0 .. PULSES*PERIOD (240 from the top)
  always_ff @(posedge clk) begin
    if (rst) begin
      busy <= 1'b0;
      cyc  <= '0;
    end else if (!busy) begin
      if (start) begin
        busy <= 1'b1;
        cyc  <= '0;
      end
    end else begin
      cyc <= cyc + 8'd1;
      if (cyc == PULSES * PERIOD - 1) busy <= 1'b0;
    end
  end
  assign pulse = busy && (cyc % PERIOD) < (PERIOD / 2);
  assign last  = busy && (cyc >= (PULSES - 1) * PERIOD);
endmodule

module burst_top (
  input  logic clk, rst, go,
  output logic active, out, final_pulse
);
  burst_gen #(.PULSES(12), .PERIOD(20)) u_b (.clk, .rst, .start(go), .busy(active), .pulse(out), .last(final_pulse));
endmodule
