// Heartbeat monitor for four remote nodes: one timeout window counter shared by every lane; each
// lane flags a node that sent no heartbeat within a window.
module hb_lane (
  input  logic clk,
  input  logic rst_n,
  input  logic window_end,
  input  logic beat,
  output logic lost
);
  logic seen;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      seen <= 1'b0;
      lost <= 1'b0;
    end else if (window_end) begin
      lost <= !(seen || beat);
      seen <= 1'b0;
    end else if (beat) begin
      seen <= 1'b1;
    end
  end
endmodule

module hb_monitor #(
  parameter int N = 4
) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic [N-1:0] beat,
  output logic [N-1:0] lost
);
  localparam int WINDOW = 5000;
  localparam int CW = $clog2(WINDOW);
  logic [CW-1:0] win;
  wire window_end = (win == CW'(WINDOW - 1));
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)          win <= '0;
    else if (window_end) win <= '0;
    else                 win <= win + 1'b1;
  end
  for (genvar g = 0; g < N; g++) begin : g_lane
    hb_lane u_lane (.clk, .rst_n, .window_end, .beat(beat[g]), .lost(lost[g]));
  end
endmodule
