// Optimal 4-input sorting network: 5 compare-exchange elements.
module sort4 (
  input  logic [3:0][7:0] in,
  output logic [3:0][7:0] out
);
  function automatic logic [15:0] cx(input logic [7:0] a, input logic [7:0] b);
    cx = (b < a) ? {a, b} : {b, a};        // {max, min}
  endfunction
  logic [7:0] a0, a1, a2, a3, b0, b1, b2, b3, c1, c2;
  always_comb begin
    {a1, a0} = cx(in[0], in[1]);
    {a3, a2} = cx(in[2], in[3]);
    {b2, b0} = cx(a0, a2);
    {b3, b1} = cx(a1, a3);
    {c2, c1} = cx(b1, b2);
    out = {b3, c2, c1, b0};
  end
endmodule

module sort4_top (
  input  logic            clk,
  input  logic [3:0][7:0] keys,
  output logic [3:0][7:0] sorted
);
  logic [3:0][7:0] s;
  sort4 u_sort (.in(keys), .out(s));
  always_ff @(posedge clk) sorted <= s;
endmodule
