// Link-down detector: counts cycles with the link low, saturating at MAXC; 'down' is a flag register
// raised together with the saturating step and dropped when the link comes back.
module link_watch #(parameter int MAXC = 5000) (
  input  logic clk, rst,
  input  logic link,
  output logic down,
  output logic flap
);
  int cnt;
  always_ff @(posedge clk) begin
    if (rst) begin
      cnt  <= 0;
      down <= 1'b0;
      flap <= 1'b0;
    end else if (link) begin
      flap <= down;
      cnt  <= 0;
      down <= 1'b0;
    end else begin
      flap <= 1'b0;
      if (cnt < MAXC) cnt <= cnt + 1;
      if (cnt == MAXC - 1) down <= 1'b1;
    end
  end
endmodule

module phy_mon (
  input  logic clk, rst, link,
  output logic down, flap
);
  link_watch #(.MAXC(600)) u_w (.*);
endmodule
