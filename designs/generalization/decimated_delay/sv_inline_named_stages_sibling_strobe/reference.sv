// Caption timing (reference): the latched code changes only after 'fire',
// so six clock-rate stages are two stages loaded on 'fire' (3 and 6 clocks).
module prescale3 (
  input  logic clk,
  input  logic rst,
  output logic fire
);
  logic [1:0] k;
  always_ff @(posedge clk or posedge rst)
    if (rst) k <= 2'd2;
    else     k <= (k == 2'd0) ? 2'd2 : k - 2'd1;
  assign fire = (k == 2'd0);
endmodule

module caption_delay (
  input  logic       clk,
  input  logic       rst,
  input  logic [6:0] code_in,
  input  logic [6:0] match,
  output logic [6:0] code_out,
  output logic       hit
);
  logic       fire;
  logic [6:0] code, s0, s1;
  prescale3 u_pre (.clk, .rst, .fire);
  always_ff @(posedge clk or posedge rst)
    if (rst) code <= '0;
    else if (fire) code <= code_in;
  always_ff @(posedge clk or posedge rst)
    if (rst) begin
      s0 <= '0; s1 <= '0;
    end else if (fire) begin
      s0 <= code; s1 <= s0;
    end
  assign code_out = s1;
  assign hit = (s0 == match);
endmodule
