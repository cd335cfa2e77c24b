// Sequencer beat clock: a 9-step bar index and a 3-beat counter kept side by side in one
// always_ff (SV, unique case); only beat compares leave the module.
module beat_gen (
  input  logic       clk,
  input  logic       rst,
  input  logic       adv,
  output logic [3:0] step,
  output logic       bar_end,
  output logic       beat_end,
  output logic       downbeat
);
  logic [1:0] beat;
  always_ff @(posedge clk) begin
    if (rst) begin
      step <= '0;
      beat <= '0;
    end else if (adv) begin
      step <= (step == 4'd8) ? '0 : step + 4'd1;
      unique case (beat)
        2'd2:    beat <= '0;
        default: beat <= beat + 2'd1;
      endcase
    end
  end
  assign bar_end  = adv && step == 4'd8;
  assign beat_end = adv && beat == 2'd2;
  assign downbeat = beat == 2'd0;
endmodule
