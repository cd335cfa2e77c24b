// Symmetric 4-tap FIR datapath, programmable coefficients (linear phase: h[k] == h[N-1-k]).
// The sample window comes from the line buffer; the result is registered by the caller.
module fir_sym #(
  parameter int DW = 8,            // sample width
  parameter int CW = 8,            // coefficient width
  parameter int NTAP = 8,
  localparam int OW = DW + CW + $clog2(NTAP)
) (
  input  logic [NTAP-1:0][DW-1:0]   taps,      // sample window
  input  logic [NTAP/2-1:0][CW-1:0] coef,      // h[0] .. h[N/2-1]
  output logic signed [OW-1:0]      y
);
  // h[k] = coef[k] for k < N/2, mirrored for the upper half
  function automatic logic signed [CW-1:0] h(input int k);
    if (k < NTAP/2) h = coef[k];
    else            h = coef[NTAP-1-k];
  endfunction

  always_comb begin
    y = '0;
    for (int k = 0; k < NTAP; k++)
      y = y + $signed(taps[k]) * h(k);
  end
endmodule

module fir_sym_top (
  input  logic [39:0]        window,
  input  logic [7:0]         c0, c1,
  output logic signed [19:0] y
);
  fir_sym #(.DW(10), .CW(8), .NTAP(4)) u_fir (.taps(window), .coef({c1, c0}), .y);
endmodule
