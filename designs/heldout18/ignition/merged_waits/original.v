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
  localparam IDLE = 4'd0, PUMP1 = 4'd1, PUMP2 = 4'd2, GLOW1 = 4'd3, GLOW2 = 4'd4,
             GLOW3 = 4'd5, CRANK = 4'd6, RUN = 4'd7, FAIL = 4'd8;
  reg [3:0] st;
  reg [TW-1:0] t;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; t <= {TW{1'b0}};
    end else if (key_off) begin
      st <= IDLE;
    end else begin
      case (st)
        IDLE:  if (key_start) begin st <= PUMP1; t <= D_P1 - 1'b1; end
        PUMP1: if (t == 0) begin st <= PUMP2; t <= D_P2 - 1'b1; end else t <= t - 1'b1;
        PUMP2: if (t == 0) begin st <= GLOW1; t <= D_G1 - 1'b1; end else t <= t - 1'b1;
        GLOW1: if (t == 0) begin st <= GLOW2; t <= D_G2 - 1'b1; end else t <= t - 1'b1;
        GLOW2: if (t == 0) begin st <= GLOW3; t <= D_G3 - 1'b1; end else t <= t - 1'b1;
        GLOW3: if (t == 0) begin st <= CRANK; t <= D_CR - 1'b1; end else t <= t - 1'b1;
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
    pump    = (st == PUMP1) || (st == PUMP2) || (st == GLOW1) || (st == GLOW2) || (st == GLOW3) || (st == CRANK) || (st == RUN);
    glow    = (st == GLOW1) || (st == GLOW2) || (st == GLOW3);
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
