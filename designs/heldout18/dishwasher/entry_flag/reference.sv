// Dishwasher programme controller: the phase timer is loaded on entry to
// each phase, detected by comparing the state with its previous value.
module phase_timer #(parameter int TW = 12) (
  input  logic clk, rst_n, load,
  input  logic [TW-1:0] dur,
  output logic expired
);
  logic [TW-1:0] t;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) t <= '0;
    else if (load) t <= dur;
    else if (t != '0) t <= t - 1'b1;
  assign expired = (t == '0);
endmodule

module dw_ctrl #(
  parameter int TW = 12,
  parameter int T_FILL = 300, parameter int T_WASH = 2400,
  parameter int T_DRAIN = 200, parameter int T_RINSE = 900, parameter int T_DRY = 1800
) (
  input  logic clk, rst_n, start, door_open, level_ok,
  output logic valve, pump, heater, drain, fan, done
);
  typedef enum logic [2:0] {IDLE, FILL, WASH, DRAIN, RINSE, DRY, FIN} st_t;
  st_t st;
  logic entry, expired;   // entry: registered 'a transition happened' flag
  logic [TW-1:0] dur;

  always_comb begin
    unique case (st)
      FILL:    dur = TW'(T_FILL);
      WASH:    dur = TW'(T_WASH);
      DRAIN:   dur = TW'(T_DRAIN);
      RINSE:   dur = TW'(T_RINSE);
      DRY:     dur = TW'(T_DRY);
      default: dur = '0;
    endcase
  end
  phase_timer #(.TW(TW)) u_t (.clk, .rst_n, .load(entry), .dur, .expired);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; entry <= 1'b0;
    end else begin
      entry <= 1'b0;
      unique case (st)
        IDLE:  if (start && !door_open) begin st <= FILL; entry <= 1'b1; end
        FILL:  if (!entry && (expired || level_ok)) begin st <= WASH; entry <= 1'b1; end
        WASH:  if (door_open) begin st <= IDLE; entry <= 1'b1; end
               else if (!entry && expired) begin st <= DRAIN; entry <= 1'b1; end
        DRAIN: if (!entry && expired) begin st <= RINSE; entry <= 1'b1; end
        RINSE: if (door_open) begin st <= IDLE; entry <= 1'b1; end
               else if (!entry && expired) begin st <= DRY; entry <= 1'b1; end
        DRY:   if (!entry && expired) begin st <= FIN; entry <= 1'b1; end
        FIN:   if (door_open) begin st <= IDLE; entry <= 1'b1; end
        default: begin st <= IDLE; entry <= 1'b1; end
      endcase
    end
  end
  assign valve  = (st == FILL);
  assign pump   = (st == WASH) || (st == RINSE);
  assign heater = (st == WASH) || (st == DRY);
  assign drain  = (st == DRAIN);
  assign fan    = (st == DRY);
  assign done   = (st == FIN);
endmodule

module dishwasher (
  input  logic clk, rst_n, start, door, level,
  output logic valve, pump, heat, drain, fan, done
);
  dw_ctrl #(.TW(10), .T_FILL(120), .T_WASH(900), .T_DRAIN(80), .T_RINSE(400), .T_DRY(700)) u_ctrl (
    .clk, .rst_n, .start, .door_open(door), .level_ok(level),
    .valve, .pump, .heater(heat), .drain, .fan, .done);
endmodule
