// Sequencer beat clock, reference: the beat is step mod 3.
module beat_gen (
  input  logic       clk,
  input  logic       rst,
  input  logic       adv,
  output logic [3:0] step,
  output logic       bar_end,
  output logic       beat_end,
  output logic       downbeat
);
  always_ff @(posedge clk) begin
    if (rst)      step <= '0;
    else if (adv) step <= (step == 4'd8) ? '0 : step + 4'd1;
  end
  assign bar_end  = adv && step == 4'd8;
  assign beat_end = adv && (step == 4'd2 || step == 4'd5 || step == 4'd8);
  assign downbeat = step == 4'd0 || step == 4'd3 || step == 4'd6;
endmodule
