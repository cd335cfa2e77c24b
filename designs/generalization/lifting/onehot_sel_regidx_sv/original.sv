// The arbiter registers its one-hot grant and, beside it, the granted port number (a function picks
// the lowest requester); the response mux reads the packed port array at the registered number.
module resp_pick (
  input  logic             clk,
  input  logic             rst,
  input  logic             take,
  input  logic [5:0]       req,
  input  logic [5:0][13:0] resp,
  output logic [5:0]       gnt_q,
  output logic [13:0]      out
);
  function automatic logic [2:0] first_set(input logic [5:0] r);
    first_set = 3'd0;
    for (int i = 5; i >= 0; i--)
      if (r[i]) first_set = 3'(i);
  endfunction

  logic [2:0] gidx_q;
  always_ff @(posedge clk) begin
    if (rst) begin
      gnt_q  <= '0;
      gidx_q <= '0;
    end else if (take) begin
      gnt_q  <= req & (~req + 6'd1);
      gidx_q <= first_set(req);
    end
  end

  assign out = resp[gidx_q];
endmodule
