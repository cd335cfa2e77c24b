// Phase sequencer: a phase counter instance and a one-hot phase-enable instance stepped by one strobe.
module phase_cnt #(parameter int P = 6) (
  input  logic                 clk,
  input  logic                 rst,
  input  logic                 adv,
  output logic [$clog2(P)-1:0] ph
);
  always_ff @(posedge clk)
    if (rst)      ph <= '0;
    else if (adv) ph <= (ph == P - 1) ? '0 : ph + 1'b1;
endmodule

module phase_en #(parameter int P = 6) (
  input  logic         clk,
  input  logic         rst,
  input  logic         adv,
  output logic [P-1:0] en
);
  always_ff @(posedge clk)
    if (rst)      en <= P'(1);
    else if (adv) en <= en[P-1] ? P'(1) : en << 1;
endmodule

module phase_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       adv,
  output logic [2:0] ph,
  output logic [5:0] en
);
  phase_cnt #(.P(6)) u_cnt (.clk, .rst, .adv, .ph);
  phase_en  #(.P(6)) u_en  (.clk, .rst, .adv, .en);
endmodule
