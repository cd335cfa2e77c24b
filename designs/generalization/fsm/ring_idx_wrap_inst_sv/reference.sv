// The token is the decode of a mod-6 counter.
module turn_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       pass,
  input  logic [5:0] req,
  output logic [2:0] turn,
  output logic       go
);
  always_ff @(posedge clk) begin
    if (rst)       turn <= '0;
    else if (pass) turn <= (turn == 3'd5) ? 3'd0 : turn + 3'd1;
  end
  assign go = req[turn];
endmodule
