// Fuel gauge bar: segment i lights when the level reaches OFS + i*STEP,
// and the number of lit segments is reported as well.
module seg_gauge #(
  parameter int W = 10, parameter int SEGS = 8,
  parameter int STEP = 64, parameter int OFS = 32
) (
  input  logic [W-1:0] level,
  output logic [SEGS-1:0] bar,
  output logic [$clog2(SEGS+1)-1:0] nseg
);
  always_comb begin
    nseg = '0;
    for (int i = 0; i < SEGS; i++) begin
      bar[i] = level >= W'(OFS + i*STEP);
      nseg = nseg + bar[i];
    end
  end
endmodule

module fuel_gauge (
  input  logic clk, rst_n, upd,
  input  logic [9:0] adc,
  output logic [11:0] leds,
  output logic [3:0] segs,
  output logic low
);
  logic [11:0] bar;
  logic [3:0] n;
  seg_gauge #(.W(10), .SEGS(12), .STEP(64), .OFS(40)) u_g (.level(adc), .bar(bar), .nseg(n));
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin leds <= '0; segs <= '0; low <= 1'b0; end
    else if (upd) begin leds <= bar; segs <= n; low <= n < 4'd2; end
endmodule
