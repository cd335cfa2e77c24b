// Lap timer: a free-running tick count freezes on 'lap'; the frozen value is
// shown until 'resume'. The display reads the count itself (a copy taken when
// it froze would equal it whenever shown).
module lap_timer #(parameter int W = 12) (
  input  logic clk, rst_n, tick, lap, resume,
  output logic [W-1:0] shown,
  output logic frozen_o
);
  logic [W-1:0] t;
  logic frozen;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      t <= '0; frozen <= 1'b0;
    end else begin
      if (!frozen) begin
        if (lap) begin
          frozen <= 1'b1;
        end else if (tick) begin
          t <= t + 1'b1;
        end
      end else if (resume) begin
        frozen <= 1'b0;
      end
    end
  end
  always_comb begin
    case (frozen)
      1'b1:    shown = t;
      default: shown = '0;
    endcase
  end
  assign frozen_o = frozen;
endmodule
