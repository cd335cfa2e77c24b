// Overhead crane: hoist and trolley controllers interlocked with each other
// (the hoist moves only over the destination, the trolley only with the hook up).
module hoist_fsm #(parameter int SW = 8, parameter int SETTLE = 200) (
  input  logic clk, rst_n, lower_cmd, raise_cmd, at_dest, bottom_sw, top_sw,
  output logic motor_dn, motor_up, hook_up
);
  typedef enum logic [1:0] {H_UP, H_LOWER, H_DOWN, H_RAISE} h_t;
  h_t st, nx;
  logic [SW-1:0] s;
  logic settled;
  assign settled = (s == SW'(SETTLE));
  always_comb begin
    nx = st;
    unique case (st)
      H_UP:    if (lower_cmd && at_dest) nx = H_LOWER;
      H_LOWER: if (bottom_sw) nx = H_DOWN;
      H_DOWN:  if (raise_cmd && settled) nx = H_RAISE;
      H_RAISE: if (top_sw) nx = H_UP;
    endcase
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin st <= H_UP; s <= '0; end
    else begin
      st <= nx;
      if (st != H_DOWN) s <= '0;
      else if (!settled) s <= s + 1'b1;
    end
  assign motor_dn = (st == H_LOWER);
  assign motor_up = (st == H_RAISE);
  assign hook_up  = (st == H_UP);
endmodule

module trolley_fsm #(parameter int HW = 8, parameter int HORN = 100) (
  input  logic clk, rst_n, go, ret, lower_cmd, hook_up, dest_sw, park_sw,
  output logic fwd, rev, horn, at_dest
);
  typedef enum logic [2:0] {T_PARK, T_HORN, T_MOVE, T_DEST, T_RET} t_t;
  t_t st, nx;
  logic [HW-1:0] h;
  always_comb begin
    nx = st;
    unique case (st)
      T_PARK: if (go && hook_up) nx = T_HORN;
      T_HORN: if (h == HW'(HORN - 1)) nx = T_MOVE;
      T_MOVE: if (dest_sw) nx = T_DEST;
      T_DEST: if (ret && hook_up && !lower_cmd) nx = T_RET;
      T_RET:  if (park_sw) nx = T_PARK;
      default: nx = T_PARK;
    endcase
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin st <= T_PARK; h <= '0; end
    else begin
      st <= nx;
      h  <= (st == T_HORN) ? h + 1'b1 : '0;
    end
  assign fwd     = (st == T_MOVE);
  assign rev     = (st == T_RET);
  assign horn    = (st == T_HORN);
  assign at_dest = (st == T_DEST);
endmodule

module crane_ctrl (
  input  logic clk, rst_n, go, ret, lower_cmd, raise_cmd,
  input  logic bottom_sw, top_sw, dest_sw, park_sw,
  output logic motor_dn, motor_up, fwd, rev, horn
);
  logic at_dest, hook_up;
  hoist_fsm #(.SW(6), .SETTLE(40)) u_hoist (.clk, .rst_n, .lower_cmd, .raise_cmd, .at_dest, .bottom_sw, .top_sw,
    .motor_dn, .motor_up, .hook_up);
  trolley_fsm #(.HW(5), .HORN(20)) u_trolley (.clk, .rst_n, .go, .ret, .lower_cmd, .hook_up, .dest_sw, .park_sw,
    .fwd, .rev, .horn, .at_dest);
endmodule
