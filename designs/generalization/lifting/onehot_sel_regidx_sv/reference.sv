// The granted port number register always names the one-hot grant's bit (port 0 when nothing is
// granted): the response is an AND-OR on the grant bits and the number register is gone.
module resp_pick (
  input  logic             clk,
  input  logic             rst,
  input  logic             take,
  input  logic [5:0]       req,
  input  logic [5:0][13:0] resp,
  output logic [5:0]       gnt_q,
  output logic [13:0]      out
);
  always_ff @(posedge clk) begin
    if (rst)       gnt_q <= '0;
    else if (take) gnt_q <= req & (~req + 6'd1);
  end

  always_comb begin
    out = resp[0] & {14{~|gnt_q[5:1]}};
    for (int i = 1; i < 6; i++)
      out |= resp[i] & {14{gnt_q[i]}};
  end
endmodule
