// Link-down detector: counts cycles with the link low, saturating at MAXC (0..MAXC: 10 bits at
// MAXC = 600); 'down' is the saturated count itself.
module link_watch #(parameter int MAXC = 5000) (
  input  logic clk, rst,
  input  logic link,
  output logic down,
  output logic flap
);
  logic [$clog2(MAXC+1)-1:0] cnt;
  assign down = (cnt == MAXC);
  always_ff @(posedge clk) begin
    if (rst) begin
      cnt  <= '0;
      flap <= 1'b0;
    end else if (link) begin
      flap <= down;
      cnt  <= '0;
    end else begin
      flap <= 1'b0;
      if (!down) cnt <= cnt + 1'b1;
    end
  end
endmodule

module phy_mon (
  input  logic clk, rst, link,
  output logic down, flap
);
  link_watch #(.MAXC(600)) u_w (.*);
endmodule
