// Vending controller: price 20, accepts nickels (5) and dimes (10); one coin per cycle at most
module vend20 (
  input  logic clk,
  input  logic rst_n,
  input  logic nickel,
  input  logic dime,
  input  logic cancel,
  output logic vend,
  output logic change5,
  output logic refund,
  output logic [4:0] credit
);
  typedef enum logic [3:0] {
    IDLE, N5, N10_NN, N10_D, N15_NNN, N15_ND, N15_DN, VEND, VEND_CHG, REFUND
  } state_t;
  state_t st, nx;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) st <= IDLE;
    else        st <= nx;

  always_comb begin
    nx = st;
    unique case (st)
      IDLE:     if (dime) nx = N10_D;  else if (nickel) nx = N5;
      N5:       if (cancel) nx = REFUND; else if (dime) nx = N15_ND; else if (nickel) nx = N10_NN;
      N10_NN:   if (cancel) nx = REFUND; else if (dime) nx = VEND;   else if (nickel) nx = N15_NNN;
      N10_D:    if (cancel) nx = REFUND; else if (dime) nx = VEND;   else if (nickel) nx = N15_DN;
      N15_NNN:  if (cancel) nx = REFUND; else if (dime) nx = VEND_CHG; else if (nickel) nx = VEND;
      N15_ND:   if (cancel) nx = REFUND; else if (dime) nx = VEND_CHG; else if (nickel) nx = VEND;
      N15_DN:   if (cancel) nx = REFUND; else if (dime) nx = VEND_CHG; else if (nickel) nx = VEND;
      VEND:     nx = IDLE;
      VEND_CHG: nx = IDLE;
      REFUND:   nx = IDLE;
      default:  nx = IDLE;
    endcase
  end

  assign vend    = (st == VEND) || (st == VEND_CHG);
  assign change5 = (st == VEND_CHG);
  assign refund  = (st == REFUND);
  always_comb begin
    unique case (st)
      N5:                        credit = 5'd5;
      N10_NN, N10_D:             credit = 5'd10;
      N15_NNN, N15_ND, N15_DN:   credit = 5'd15;
      default:                   credit = 5'd0;
    endcase
  end
endmodule
