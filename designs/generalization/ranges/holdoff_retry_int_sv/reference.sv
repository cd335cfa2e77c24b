// Link retry controller: counters sized from the parameters.
module retry_ctl #(
  parameter int HOLDOFF = 200,
  parameter int MAXTRY  = 5
) (
  input  logic clk,
  input  logic rst_n,
  input  logic nak,
  input  logic ack,
  output logic wait_o,
  output logic give_up,
  output logic can_send
);
  localparam int HW = $clog2(HOLDOFF + 1);
  localparam int TW = $clog2(MAXTRY + 1);
  logic [HW-1:0] holdoff_cnt;
  logic [TW-1:0] tries;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      holdoff_cnt <= '0;
      tries       <= '0;
    end else begin
      if (nak)                      holdoff_cnt <= HW'(HOLDOFF);
      else if (holdoff_cnt != '0)   holdoff_cnt <= holdoff_cnt - 1'b1;

      if (ack)                                 tries <= '0;
      else if (nak && tries != TW'(MAXTRY))    tries <= tries + 1'b1;
    end
  end

  assign wait_o   = (holdoff_cnt != '0);
  assign give_up  = (tries == TW'(MAXTRY));
  assign can_send = !wait_o && !give_up;
endmodule

module link_retry (
  input  logic clk,
  input  logic rst_n,
  input  logic nak,
  input  logic ack,
  output logic wait_o,
  output logic give_up,
  output logic can_send
);
  retry_ctl #(.HOLDOFF(90), .MAXTRY(6)) u_ctl (.*);
endmodule
