// Unipolar stepper motor half-step sequencer.
module stepper_ctrl (
  input  logic       clk,
  input  logic       rst,
  input  logic       step,       // advance one half step
  input  logic       dir,        // 1 = clockwise
  input  logic       enable,
  output logic [3:0] coils       // {A, B, A', B'}
);
  typedef enum logic [2:0] {S_A, S_AB, S_B, S_BC, S_C, S_CD, S_D, S_DA} phase_t;
  phase_t state, nxt;

  function automatic logic [3:0] pattern(input phase_t p);
    unique case (p)
      S_A:  pattern = 4'b1000;
      S_AB: pattern = 4'b1100;
      S_B:  pattern = 4'b0100;
      S_BC: pattern = 4'b0110;
      S_C:  pattern = 4'b0010;
      S_CD: pattern = 4'b0011;
      S_D:  pattern = 4'b0001;
      S_DA: pattern = 4'b1001;
      default: pattern = 4'b0000;
    endcase
  endfunction

  always_comb begin
    nxt = state;
    if (step) begin
      unique case (state)
        S_A:  nxt = dir ? S_AB : S_DA;
        S_AB: nxt = dir ? S_B  : S_A;
        S_B:  nxt = dir ? S_BC : S_AB;
        S_BC: nxt = dir ? S_C  : S_B;
        S_C:  nxt = dir ? S_CD : S_BC;
        S_CD: nxt = dir ? S_D  : S_C;
        S_D:  nxt = dir ? S_DA : S_CD;
        S_DA: nxt = dir ? S_A  : S_D;
        default: nxt = S_A;
      endcase
    end
  end

  logic [3:0] coil_q;
  always_ff @(posedge clk) begin
    if (rst) begin
      state  <= S_A;
      coil_q <= 4'b1000;
    end else begin
      state  <= nxt;
      coil_q <= pattern(nxt);
    end
  end

  assign coils = enable ? coil_q : 4'b0000;
endmodule
