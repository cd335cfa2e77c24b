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
  typedef enum logic [2:0] {
    IDLE = 3'd0, N5 = 3'd1, N10 = 3'd2, N15 = 3'd3, VEND = 3'd4, VEND_CHG = 3'd5, REFUND = 3'd6
  } state_t;
  (* fsm_encoding = "none" *) state_t st;
  state_t nx;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) st <= IDLE;
    else        st <= nx;

  always_comb begin
    nx = st;
    unique case (st)
      IDLE:     if (dime) nx = N10;  else if (nickel) nx = N5;
      N5:       if (cancel) nx = REFUND; else if (dime) nx = N15; else if (nickel) nx = N10;
      N10:      if (cancel) nx = REFUND; else if (dime) nx = VEND; else if (nickel) nx = N15;
      N15:      if (cancel) nx = REFUND; else if (dime) nx = VEND_CHG; else if (nickel) nx = VEND;
      default:  nx = IDLE;
    endcase
  end

  assign vend    = st[2] && !st[1];
  assign change5 = (st == VEND_CHG);
  assign refund  = (st == REFUND);
  assign credit  = st[2] ? 5'd0 : 5'(st[1:0]) * 5'd5;
endmodule
