// Two-phase filter step: phase A accumulates x*ca, phase B accumulates y*cb; the phase is a state
// register, the two products are written in separate always_comb blocks.
module phase_mac (
  input  logic        clk,
  input  logic        rst,
  input  logic [6:0]  x,
  input  logic [6:0]  y,
  input  logic [6:0]  ca,
  input  logic [6:0]  cb,
  output logic [17:0] acc
);
  typedef enum logic {PH_A, PH_B} ph_t;
  ph_t ph;
  logic [13:0] pa, pb;
  always_comb pa = x * ca;
  always_comb pb = y * cb;
  always_ff @(posedge clk) begin
    if (rst) begin
      ph  <= PH_A;
      acc <= '0;
    end else begin
      unique case (ph)
        PH_A: begin acc <= acc + 18'(pa); ph <= PH_B; end
        PH_B: begin acc <= acc + 18'(pb); ph <= PH_A; end
      endcase
    end
  end
endmodule
