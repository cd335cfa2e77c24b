// Six-phase sequencer kept one-hot; the next phase and the phase index are decoded by SV for
// loops over block-local variables (for (int i ...), a block variable accumulating with |=)
module phase6 (input logic clk, input logic rst_n, input logic step, output logic [2:0] idx, output logic last);
  logic [5:0] ph, ph_nx;
  always_comb begin
    ph_nx = ph;
    if (step) begin
      ph_nx = '0;
      for (int i = 0; i < 6; i++)
        if (ph[i]) ph_nx[(i + 1) % 6] = 1'b1;
    end
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) ph <= 6'b000001;
    else ph <= ph_nx;
  always_comb begin
    logic [2:0] acc;
    acc = '0;
    for (int i = 0; i < 6; i++) acc |= ph[i] ? 3'(i) : 3'd0;
    idx = acc;
  end
  assign last = ph[5];
endmodule
