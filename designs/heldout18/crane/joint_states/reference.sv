// Overhead crane: hoist and trolley interlocked; only 8 of the 20 joint
// states are reachable, so one controller encodes the pair in 3 bits.
module crane_fsm #(parameter int SW = 8, parameter int SETTLE = 200, parameter int HW = 8, parameter int HORN = 100) (
  input  logic clk, rst_n, go, ret, lower_cmd, raise_cmd,
  input  logic bottom_sw, top_sw, dest_sw, park_sw,
  output logic motor_dn, motor_up, fwd, rev, horn
);
  typedef enum logic [2:0] {PARK, HORNING, MOVE, DEST, LOWER, DOWN, RAISE, RET} c_t;
  c_t st, nx;
  logic [SW-1:0] s;
  logic [HW-1:0] h;
  logic settled;
  assign settled = (s == SW'(SETTLE));
  always_comb begin
    nx = st;
    unique case (st)
      PARK:    if (go) nx = HORNING;
      HORNING: if (h == HW'(HORN - 1)) nx = MOVE;
      MOVE:    if (dest_sw) nx = DEST;
      DEST:    if (lower_cmd) nx = LOWER;
               else if (ret) nx = RET;
      LOWER:   if (bottom_sw) nx = DOWN;
      DOWN:    if (raise_cmd && settled) nx = RAISE;
      RAISE:   if (top_sw) nx = DEST;
      RET:     if (park_sw) nx = PARK;
    endcase
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin st <= PARK; s <= '0; h <= '0; end
    else begin
      st <= nx;
      if (st != DOWN) s <= '0;
      else if (!settled) s <= s + 1'b1;
      h <= (st == HORNING) ? h + 1'b1 : '0;
    end
  assign motor_dn = (st == LOWER);
  assign motor_up = (st == RAISE);
  assign fwd      = (st == MOVE);
  assign rev      = (st == RET);
  assign horn     = (st == HORNING);
endmodule

module crane_ctrl (
  input  logic clk, rst_n, go, ret, lower_cmd, raise_cmd,
  input  logic bottom_sw, top_sw, dest_sw, park_sw,
  output logic motor_dn, motor_up, fwd, rev, horn
);
  crane_fsm #(.SW(6), .SETTLE(40), .HW(5), .HORN(20)) u_crane (.clk, .rst_n, .go, .ret, .lower_cmd, .raise_cmd,
    .bottom_sw, .top_sw, .dest_sw, .park_sw, .motor_dn, .motor_up, .fwd, .rev, .horn);
endmodule
