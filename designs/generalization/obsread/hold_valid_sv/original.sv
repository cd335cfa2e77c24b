// Sample stage: a 12-bit reading is registered when the ADC strobes and
// presented for one cycle under the registered strobe; a parity child reads
// the presented word.
module par12 (input logic [11:0] w, input logic en, output logic p);
  assign p = en & ^w;
endmodule

module sample_stage (
  input  logic clk, rst_n, strobe,
  input  logic [11:0] adc,
  output logic [11:0] q,
  output logic q_vld, q_par
);
  logic [11:0] smp;
  logic vld;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      smp <= '0;
      vld <= 1'b0;
    end else begin
      vld <= strobe;
      if (strobe) begin
        smp <= adc;
      end
    end
  end
  always_comb q = vld ? smp : 12'h000;
  assign q_vld = vld;
  par12 u_par (.w(smp), .en(vld), .p(q_par));
endmodule
