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
  logic signed [W-1:0] tap1, tap2, tap3;
  logic signed [W+C:0] pr0, pr1, pr2, pr3;
  always_comb begin
    pr0 = smp * k_out;
    pr1 = tap1 * k_in;
    pr2 = tap2 * k_in;
    pr3 = tap3 * k_out;
  end
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      tap1 <= '0; tap2 <= '0; tap3 <= '0; acc <= '0;
    end else if (vld) begin
      tap1 <= smp; tap2 <= tap1; tap3 <= tap2;
      acc  <= pr0 + pr1 + pr2 + pr3;
    end
  end
endmodule
