// 1-Wire master reset/presence: pull the line low for T_RST us, release, sample the presence
// pulse at T_RST+T_SAMPLE us, finish at 2*T_RST us. us_tick is a 1 us clock enable.
module ow_reset #(parameter T_RST = 480, parameter T_SAMPLE = 70) (
  input  wire clk, rst_n,
  input  wire us_tick,
  input  wire go,
  input  wire dq_in,
  output reg  dq_drive_low,
  output reg  presence,
  output reg  done,
  output reg  active
);
  localparam TW = $clog2(2*T_RST);
  reg [TW-1:0] t;   // microseconds since go: 0 .. 2*T_RST-1 while active
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin t <= {TW{1'b0}}; dq_drive_low <= 1'b0; presence <= 1'b0; done <= 1'b0; active <= 1'b0; end
    else begin
      done <= 1'b0;
      if (!active) begin
        if (go) begin active <= 1'b1; t <= {TW{1'b0}}; dq_drive_low <= 1'b1; presence <= 1'b0; end
      end else if (us_tick) begin
        t <= t + 1'b1;
        if (t == T_RST - 1) dq_drive_low <= 1'b0;
        if (t == T_RST + T_SAMPLE - 1) presence <= ~dq_in;
        if (t == 2*T_RST - 1) begin active <= 1'b0; done <= 1'b1; end
      end
    end
endmodule

module ow_master_rst (
  input  wire clk, rst_n, us_tick, go, dq_in,
  output wire dq_low, presence, done, busy
);
  ow_reset #(.T_RST(500), .T_SAMPLE(68)) u_r (.clk(clk), .rst_n(rst_n), .us_tick(us_tick), .go(go), .dq_in(dq_in),
    .dq_drive_low(dq_low), .presence(presence), .done(done), .active(busy));
endmodule
