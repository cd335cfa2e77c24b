// reference: the phase as a 3-bit modulo-6 counter
module phase6 (input logic clk, input logic rst_n, input logic step, output logic [2:0] idx, output logic last);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) idx <= 3'd0;
    else if (step) idx <= (idx == 3'd5) ? 3'd0 : idx + 3'd1;
  assign last = (idx == 3'd5);
endmodule
