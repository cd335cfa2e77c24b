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
  typedef enum logic [2:0] {CLOSED, OPENING, OPEN, CLOSING, STOP_BTN, STOP_EYE} state_t;
  state_t st, nx;

  always_comb begin
    nx = st;
    unique case (st)
      CLOSED:   if (btn) nx = OPENING;
      OPENING:  if (top_lim) nx = OPEN; else if (btn) nx = STOP_BTN;
      OPEN:     if (btn) nx = CLOSING;
      CLOSING:  if (bot_lim) nx = CLOSED;
                else if (eye_blocked) nx = STOP_EYE;
                else if (btn) nx = STOP_BTN;
      STOP_BTN: if (btn) nx = OPENING;
      STOP_EYE: if (btn) nx = OPENING;
      default:  nx = CLOSED;
    endcase
  end

  always_ff @(posedge clk) begin
    if (rst) begin
      st    <= CLOSED;
      light <= 1'b0;
    end else begin
      st    <= nx;
      light <= (nx != CLOSED);
    end
  end

  assign mot_up = (st == OPENING);
  assign mot_dn = (st == CLOSING);
endmodule

module garage_opener (
  input  logic clk, rst, btn, top_lim, bot_lim, eye_blocked,
  output logic mot_up, mot_dn, light
);
  door_ctrl #(.LIGHT_ON_AT_RESET(0)) u_door (.*);
endmodule
