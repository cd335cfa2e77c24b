// Per-channel wait timers: a busy channel's timer counts up and sticks at LIMIT (the channel has
// timed out), a done channel's timer clears. Hand reference: 4-bit timers (they stay in 0..LIMIT = 9).
module wait_timers #(parameter int CH = 2, parameter int LIMIT = 1000) (
  input  logic          clk,
  input  logic          arst,
  input  logic [CH-1:0] busy,
  input  logic [CH-1:0] done,
  output logic [CH-1:0] expired
);
  logic [CH-1:0][3:0] tmo;

  always_ff @(posedge clk or posedge arst) begin
    if (arst) tmo <= '0;
    else
      for (int k = 0; k < CH; k++)
        if (done[k])
          tmo[k] <= 4'd0;
        else if (busy[k] && tmo[k] < 4'(LIMIT))
          tmo[k] <= tmo[k] + 4'd1;
  end

  always_comb
    for (int k = 0; k < CH; k++) expired[k] = tmo[k] == 4'(LIMIT);
endmodule

module wait_top (
  input  logic       clk,
  input  logic       arst,
  input  logic [3:0] busy,
  input  logic [3:0] done,
  output logic [3:0] expired
);
  wait_timers #(.CH(4), .LIMIT(9)) u_w (.*);
endmodule
