module leaky_sv #(parameter int W = 6) (
  input  logic         clk, rst_n,
  input  logic [1:0]   n,
  input  logic [W-1:0] s,
  output logic [W-1:0] f
);
  function automatic logic [W-1:0] step(input logic [W-1:0] a, input logic [W-1:0] x, input logic [1:0] e);
    logic [W+3:0] acc;
    begin
      acc  = a * ((1 << e) - 1) + x;
      step = acc >> e;
    end
  endfunction
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) f <= '0;
    else        f <= step(f, s, n);
endmodule
