// Heartbeat monitor for four remote nodes: each lane instance owns a timeout window counter
// (restarting every WINDOW cycles) and flags a node that sent no heartbeat within a window.
module hb_lane #(
  parameter int WINDOW = 5000,
  localparam int CW = $clog2(WINDOW)
) (
  input  logic clk,
  input  logic rst_n,
  input  logic beat,
  output logic lost
);
  logic [CW-1:0] win;
  logic          seen;

  function automatic logic [CW-1:0] win_next(input logic [CW-1:0] w);
    win_next = (w == CW'(WINDOW - 1)) ? '0 : w + 1'b1;
  endfunction

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      win  <= '0;
      seen <= 1'b0;
      lost <= 1'b0;
    end else begin
      win <= win_next(win);
      if (win == CW'(WINDOW - 1)) begin
        lost <= !(seen || beat);
        seen <= 1'b0;
      end else if (beat) begin
        seen <= 1'b1;
      end
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
  for (genvar g = 0; g < N; g++) begin : g_lane
    hb_lane #(.WINDOW(5000)) u_lane (.clk, .rst_n, .beat(beat[g]), .lost(lost[g]));
  end
endmodule
