// Diesel engine start sequencer: fuel priming in two stages, glow plug
// pre-heat in three stages, then cranking until the engine runs.
module start_seq #(
  parameter TW = 10,
  parameter [TW-1:0] D_P1 = 100, D_P2 = 150,
  parameter [TW-1:0] D_G1 = 200, D_G2 = 200, D_G3 = 300,
  parameter [TW-1:0] D_CR = 500
) (
  input clk, input rst_n,
  input key_start, input key_off, input rpm_ok, input stall,
  output reg pump, output reg glow, output reg starter, output reg running, output reg fault
);
  // consecutive timed stages with the same outputs and only a timer exit are
  // one stage of the summed duration (TW must hold the sums)
  localparam IDLE = 3'd0, PUMP = 3'd1, GLOW = 3'd2, CRANK = 3'd3, RUN = 3'd4, FAIL = 3'd5;
  localparam [TW-1:0] D_P = D_P1 + D_P2, D_G = D_G1 + D_G2 + D_G3;
  reg [2:0] st;
  reg [TW-1:0] t;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; t <= {TW{1'b0}};
    end else if (key_off) begin
      st <= IDLE;
    end else begin
      case (st)
        IDLE:  if (key_start) begin st <= PUMP; t <= D_P - 1'b1; end
        PUMP:  if (t == 0) begin st <= GLOW; t <= D_G - 1'b1; end else t <= t - 1'b1;
        GLOW:  if (t == 0) begin st <= CRANK; t <= D_CR - 1'b1; end else t <= t - 1'b1;
        CRANK: if (rpm_ok) st <= RUN;
               else if (t == 0) st <= FAIL;
               else t <= t - 1'b1;
        RUN:   if (stall) st <= IDLE;
        FAIL:  ;
        default: st <= IDLE;
      endcase
    end
  end
  always @* begin
    pump    = (st == PUMP) || (st == GLOW) || (st == CRANK) || (st == RUN);
    glow    = (st == GLOW);
    starter = (st == CRANK);
    running = (st == RUN);
    fault   = (st == FAIL);
  end
endmodule

module fault_latch (
  input clk, input rst_n, input fault, input clear,
  output reg lamp
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) lamp <= 1'b0;
    else if (fault) lamp <= 1'b1;
    else if (clear) lamp <= 1'b0;
endmodule

module ignition_ctrl (
  input clk, input rst_n, input key_start, input key_off, input rpm_ok, input stall,
  output pump, output glow, output starter, output running, output check_lamp
);
  wire fault;
  start_seq #(.TW(8), .D_P1(8'd40), .D_P2(8'd60), .D_G1(8'd50), .D_G2(8'd70), .D_G3(8'd90), .D_CR(8'd120)) u_seq (
    .clk(clk), .rst_n(rst_n), .key_start(key_start), .key_off(key_off), .rpm_ok(rpm_ok), .stall(stall),
    .pump(pump), .glow(glow), .starter(starter), .running(running), .fault(fault));
  fault_latch u_lamp (.clk(clk), .rst_n(rst_n), .fault(fault), .clear(key_start), .lamp(check_lamp));
endmodule
