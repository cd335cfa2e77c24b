// EV charging station control-pilot state machine (J1772-like).
// lvl: 0 = 12 V (no vehicle), 1 = 9 V (connected), 2 = 6 V (ready to charge), 3 = fault
module pilot_fsm #(parameter PWM_AT_B = 0) (
  input  wire       clk,
  input  wire       rst,
  input  wire [1:0] lvl,
  input  wire       auth,
  output wire       pwm_en,
  output wire       relay
);
  // ST_BPAUS behaves as ST_BRDY (merged); relay is the decode of ST_C
  localparam ST_A     = 2'd0,
             ST_BWAIT = 2'd1,
             ST_BRDY  = 2'd2,
             ST_C     = 2'd3;
  reg [1:0] st;
  reg       flt;

  always @(posedge clk) begin
    if (rst) begin
      st  <= ST_A;
      flt <= 1'b0;
    end else if (flt) begin
      if (lvl == 2'd0) flt <= 1'b0;
    end else if (lvl == 2'd3) begin
      flt <= 1'b1;
      st  <= ST_A;
    end else if (lvl == 2'd0) begin
      st <= ST_A;
    end else begin
      case (st)
        ST_A:     st <= ST_BWAIT;
        ST_BWAIT: if (auth) st <= ST_BRDY;
        ST_BRDY:  if (lvl == 2'd2) st <= ST_C;
        default:  if (lvl == 2'd1) st <= ST_BRDY;
      endcase
    end
  end

  assign relay  = ~flt & (st == ST_C);
  assign pwm_en = ~flt & (st[1] | ((PWM_AT_B != 0) && (st == ST_BWAIT)));
endmodule

module evse_pilot (
  input  wire       clk,
  input  wire       rst,
  input  wire [1:0] lvl,
  input  wire       auth,
  output wire       pwm_en,
  output wire       relay
);
  pilot_fsm #(.PWM_AT_B(1)) u_fsm (.clk(clk), .rst(rst), .lvl(lvl), .auth(auth), .pwm_en(pwm_en), .relay(relay));
endmodule
