// Echo canceller pre-filter: symmetric 4-tap FIR, products as variables of an always_comb,
// enable-gated shift, accumulated in one sum.
module fir_sym_wires_sv #(parameter int W = 7, parameter int C = 5) (
  input  logic                  clk,
  input  logic                  rst_n,
  input  logic                  vld,
  input  logic signed [W-1:0]   smp,
  input  logic signed [C-1:0]   k_out,
  input  logic signed [C-1:0]   k_in,
  output logic signed [W+C:0]   acc
);
  // symmetric taps: the mirrored samples pre-added, two multipliers
  logic signed [W-1:0] tap1, tap2, tap3;
  logic signed [W+C:0] po, pi;
  always_comb begin
    po = (W+C+1)'(smp) + (W+C+1)'(tap3);
    pi = (W+C+1)'(tap1) + (W+C+1)'(tap2);
  end
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      tap1 <= '0; tap2 <= '0; tap3 <= '0; acc <= '0;
    end else if (vld) begin
      tap1 <= smp; tap2 <= tap1; tap3 <= tap2;
      acc  <= po * k_out + pi * k_in;
    end
  end
endmodule
