// The enable ring is the decode of the phase counter: its instance goes.
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

module phase_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       adv,
  output logic [2:0] ph,
  output logic [5:0] en
);
  phase_cnt #(.P(6)) u_cnt (.clk, .rst, .adv, .ph);
  assign en = 6'd1 << ph;
endmodule
