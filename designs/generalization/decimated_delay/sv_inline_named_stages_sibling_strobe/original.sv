// Caption timing: a 7-bit caption code is latched on the strobe of a
// sibling prescaler (every 3 clocks) and delayed inline by six named
// clock-rate stages; the code after 3 stages also drives a compare.
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
  logic [6:0] code, d0, d1, d2, d3, d4, d5;
  prescale3 u_pre (.clk, .rst, .fire);
  always_ff @(posedge clk or posedge rst)
    if (rst) code <= '0;
    else if (fire) code <= code_in;
  always_ff @(posedge clk or posedge rst)
    if (rst) begin
      d0 <= '0; d1 <= '0; d2 <= '0; d3 <= '0; d4 <= '0; d5 <= '0;
    end else begin
      d0 <= code; d1 <= d0; d2 <= d1; d3 <= d2; d4 <= d3; d5 <= d4;
    end
  assign code_out = d5;
  assign hit = (d2 == match);
endmodule
