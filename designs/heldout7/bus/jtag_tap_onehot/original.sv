// JTAG TAP controller (IEEE 1149.1 state diagram)
module jtag_tap (
 input  logic tck, input logic trst_n, input logic tms,
 output logic test_logic_reset, output logic run_idle,
 output logic capture_dr, output logic shift_dr, output logic update_dr,
 output logic capture_ir, output logic shift_ir, output logic update_ir, output logic pause
);
  typedef enum logic [15:0] {
    TLR    = 16'h0001,
    RTI    = 16'h0002,
    SEL_DR = 16'h0004,
    CAP_DR = 16'h0008,
    SH_DR  = 16'h0010,
    EX1_DR = 16'h0020,
    PAU_DR = 16'h0040,
    EX2_DR = 16'h0080,
    UPD_DR = 16'h0100,
    SEL_IR = 16'h0200,
    CAP_IR = 16'h0400,
    SH_IR  = 16'h0800,
    EX1_IR = 16'h1000,
    PAU_IR = 16'h2000,
    EX2_IR = 16'h4000,
    UPD_IR = 16'h8000
  } tap_state_t;
  tap_state_t state, next;
  always_ff @(posedge tck or negedge trst_n)
    if (!trst_n) state <= TLR;
    else         state <= next;
  always_comb begin
    next = state;
    unique case (state)
      TLR    : next = tms ? TLR : RTI;
      RTI    : next = tms ? SEL_DR : RTI;
      SEL_DR : next = tms ? SEL_IR : CAP_DR;
      CAP_DR : next = tms ? EX1_DR : SH_DR;
      SH_DR  : next = tms ? EX1_DR : SH_DR;
      EX1_DR : next = tms ? UPD_DR : PAU_DR;
      PAU_DR : next = tms ? EX2_DR : PAU_DR;
      EX2_DR : next = tms ? UPD_DR : SH_DR;
      UPD_DR : next = tms ? SEL_DR : RTI;
      SEL_IR : next = tms ? TLR : CAP_IR;
      CAP_IR : next = tms ? EX1_IR : SH_IR;
      SH_IR  : next = tms ? EX1_IR : SH_IR;
      EX1_IR : next = tms ? UPD_IR : PAU_IR;
      PAU_IR : next = tms ? EX2_IR : PAU_IR;
      EX2_IR : next = tms ? UPD_IR : SH_IR;
      UPD_IR : next = tms ? SEL_DR : RTI;
      default: next = TLR;
    endcase
  end
  assign test_logic_reset = (state == TLR);
  assign run_idle = (state == RTI);
  assign capture_dr = (state == CAP_DR);
  assign shift_dr = (state == SH_DR);
  assign update_dr = (state == UPD_DR);
  assign capture_ir = (state == CAP_IR);
  assign shift_ir = (state == SH_IR);
  assign update_ir = (state == UPD_IR);
  assign pause = (state == PAU_DR) || (state == PAU_IR);
endmodule
