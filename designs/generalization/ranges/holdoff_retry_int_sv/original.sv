// Link retry controller: after a NAK the sender waits HOLDOFF cycles; at most MAXTRY retries in a row.
module retry_ctl #(
  parameter int HOLDOFF = 200,
  parameter int MAXTRY  = 5
) (
  input  logic clk,
  input  logic rst_n,
  input  logic nak,          // receiver rejected the frame
  input  logic ack,          // receiver accepted the frame
  output logic wait_o,       // hold-off running
  output logic give_up,      // retry budget used up
  output logic can_send
);
  int holdoff_cnt;
  int tries;

  function automatic int dec_sat(input int v);
    if (v > 0) dec_sat = v - 1;
    else       dec_sat = 0;
  endfunction

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      holdoff_cnt <= 0;
      tries       <= 0;
    end else begin
      if (nak)  holdoff_cnt <= HOLDOFF;
      else      holdoff_cnt <= dec_sat(holdoff_cnt);

      if (ack)                        tries <= 0;
      else if (nak && tries < MAXTRY) tries <= tries + 1;
    end
  end

  assign wait_o   = (holdoff_cnt > 0);
  assign give_up  = (tries >= MAXTRY);
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
