// Tumble dryer cycle sequencer: one-hot states on parameter bit positions.
module dry_seq #(parameter HEAT_T = 600, parameter COOL_T = 120, parameter GUARD_T = 900,
                 parameter TW = 12) (
  input  wire clk,
  input  wire rst,
  input  wire start,
  input  wire door_open,
  input  wire dry_sense,
  input  wire guard_en,
  output wire heater,
  output wire drum,
  output wire buzzer
);
  localparam IDLE = 0, HEAT = 1, TUMBLE = 2, COOL = 3, GUARD = 4, DONE = 5;
  reg [5:0] st;
  reg [TW-1:0] t;

  always @(posedge clk) begin
    if (rst) begin
      st <= 6'b000001;
      t  <= 0;
    end else begin
      t <= t + 1'b1;
      if (st[IDLE]) begin
        t <= 0;
        if (start && !door_open) begin st[IDLE] <= 1'b0; st[HEAT] <= 1'b1; end
      end
      if (st[HEAT]) begin
        if (door_open) begin st[HEAT] <= 1'b0; st[IDLE] <= 1'b1; end
        else if (t == HEAT_T - 1) begin st[HEAT] <= 1'b0; st[TUMBLE] <= 1'b1; t <= 0; end
      end
      if (st[TUMBLE]) begin
        t <= 0;
        if (door_open) begin st[TUMBLE] <= 1'b0; st[IDLE] <= 1'b1; end
        else if (dry_sense) begin st[TUMBLE] <= 1'b0; st[COOL] <= 1'b1; end
      end
      if (st[COOL]) begin
        if (t == COOL_T - 1) begin
          st[COOL] <= 1'b0; t <= 0;
          if (guard_en) st[GUARD] <= 1'b1; else st[DONE] <= 1'b1;
        end
      end
      if (st[GUARD]) begin
        if (door_open || t == GUARD_T - 1) begin st[GUARD] <= 1'b0; st[DONE] <= 1'b1; end
      end
      if (st[DONE]) begin
        t <= 0;
        if (door_open) begin st[DONE] <= 1'b0; st[IDLE] <= 1'b1; end
      end
    end
  end

  assign heater = st[HEAT];
  assign drum   = st[HEAT] | st[TUMBLE] | st[COOL] | st[GUARD];
  assign buzzer = st[DONE];
endmodule

module dryer_ctrl (
  input  wire clk,
  input  wire rst,
  input  wire start,
  input  wire door_open,
  input  wire dry_sense,
  output wire heater,
  output wire drum,
  output wire buzzer
);
  // base model: no anti-wrinkle guard
  dry_seq #(.HEAT_T(90), .COOL_T(40), .GUARD_T(1500), .TW(12)) u_seq (
    .clk(clk), .rst(rst), .start(start), .door_open(door_open), .dry_sense(dry_sense),
    .guard_en(1'b0), .heater(heater), .drum(drum), .buzzer(buzzer));
endmodule
