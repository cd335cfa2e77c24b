// A rotating one-hot service token (zero when idle) picks one of N lanes: a function encodes the
// token to a lane number (OR of the set bits' indices) that indexes an unpacked array port.
module tok_lane_pick #(parameter int N = 8, parameter int W = 10) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         start,
  input  logic         stop,
  input  logic         adv,
  input  logic [N-1:0][W-1:0] lane,
  output logic [W-1:0] q
);
  localparam int IW = $clog2(N);
  logic [N-1:0] tok;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)     tok <= '0;
    else if (start) tok <= {{(N-1){1'b0}}, 1'b1};
    else if (stop)  tok <= '0;
    else if (adv)   tok <= {tok[N-2:0], tok[N-1]};
  end

  function automatic logic [IW-1:0] enc(input logic [N-1:0] g);
    enc = '0;
    for (int i = 0; i < N; i++)
      if (g[i]) enc = enc | IW'(i);
  endfunction

  logic [IW-1:0] sel;
  assign sel = enc(tok);
  assign q = lane[sel];
endmodule
