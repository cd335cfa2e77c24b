// Claim latch (Verilog-2001): the free latch loads the requests
// unconditionally (no request: it loads the zero it already holds).
module claim_latch (
  input            clk,
  input            rst,
  input      [7:0] req,
  input            done,
  output reg [7:0] tag,
  output           held
);
  assign held = |tag;

  always @(posedge clk) begin
    if (rst)
      tag <= 8'd0;
    else if (!held)
      tag <= req;
    else if (done)
      tag <= 8'd0;
  end
endmodule
