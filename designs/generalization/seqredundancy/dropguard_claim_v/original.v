// Claim latch (Verilog-2001): while free, the request lines are latched; the
// holder releases them. 'held' is the OR of the latch, so a free latch is
// zero, and with no request the loaded value is zero too: the inner
// 'if (|req)' only stops a load of the value already held.
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
    else if (!held) begin
      if (|req)
        tag <= req;
    end else if (done)
      tag <= 8'd0;
  end
endmodule
