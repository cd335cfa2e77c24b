// Dishwasher phase sequencer: fill, wash and drain for their own number of ticks; one shared
// 32-bit integer tick counter compared per phase (the wash bound is larger than the fill one).
module phase_seq #(parameter FILL_N = 10, parameter WASH_N = 60, parameter DRAIN_N = 8) (
  input  wire clk,
  input  wire rst,
  input  wire tick,
  input  wire start,
  output wire valve,
  output wire motor,
  output wire pump
);
  localparam [1:0] S_IDLE = 2'd0, S_FILL = 2'd1, S_WASH = 2'd2, S_DRAIN = 2'd3;
  // the count stays below the largest phase length (30 from the top: 5 bits)
  reg [1:0] ph, ph_n;
  reg [4:0] n;
  wire last = (ph == S_FILL  && n == FILL_N - 1) ||
              (ph == S_WASH  && n == WASH_N - 1) ||
              (ph == S_DRAIN && n == DRAIN_N - 1);

  always @(*) begin
    ph_n = ph;
    case (ph)
      S_IDLE:  if (start) ph_n = S_FILL;
      S_FILL:  if (tick && last) ph_n = S_WASH;
      S_WASH:  if (tick && last) ph_n = S_DRAIN;
      S_DRAIN: if (tick && last) ph_n = S_IDLE;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      ph <= S_IDLE;
      n  <= 0;
    end else begin
      ph <= ph_n;
      if (ph_n != ph) n <= 0;
      else if (tick && ph != S_IDLE) n <= n + 5'd1;
    end
  end

  assign valve = (ph == S_FILL);
  assign motor = (ph == S_WASH);
  assign pump  = (ph == S_DRAIN);
endmodule

module state_timer_bound_v (
  input  wire clk,
  input  wire rst,
  input  wire tick,
  input  wire start,
  output wire valve,
  output wire motor,
  output wire pump
);
  phase_seq #(.FILL_N(9), .WASH_N(30), .DRAIN_N(6)) u_seq (.clk(clk), .rst(rst), .tick(tick), .start(start),
    .valve(valve), .motor(motor), .pump(pump));
endmodule
