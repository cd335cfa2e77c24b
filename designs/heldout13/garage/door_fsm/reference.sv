// Garage door opener controller: single push-button, limit switches, photo-eye.
module door_ctrl #(parameter int LIGHT_ON_AT_RESET = 1) (
  input  logic clk,
  input  logic rst,
  input  logic btn,
  input  logic top_lim,
  input  logic bot_lim,
  input  logic eye_blocked,
  output logic mot_up,
  output logic mot_dn,
  output logic light
);
  // the two stopped states behave alike: one STOPPED state; the light is the state decode
  typedef enum logic [2:0] {CLOSED, OPENING, OPEN, CLOSING, STOPPED} state_t;
  state_t st, nx;

  always_comb begin
    nx = st;
    unique case (st)
      CLOSED:   if (btn) nx = OPENING;
      OPENING:  if (top_lim) nx = OPEN; else if (btn) nx = STOPPED;
      OPEN:     if (btn) nx = CLOSING;
      CLOSING:  if (bot_lim) nx = CLOSED;
                else if (eye_blocked || btn) nx = STOPPED;
      STOPPED:  if (btn) nx = OPENING;
      default:  nx = CLOSED;
    endcase
  end

  always_ff @(posedge clk) begin
    if (rst) st <= CLOSED;
    else     st <= nx;
  end

  assign light  = (st != CLOSED);
  assign mot_up = (st == OPENING);
  assign mot_dn = (st == CLOSING);
endmodule

module garage_opener (
  input  logic clk, rst, btn, top_lim, bot_lim, eye_blocked,
  output logic mot_up, mot_dn, light
);
  door_ctrl #(.LIGHT_ON_AT_RESET(0)) u_door (.*);
endmodule
