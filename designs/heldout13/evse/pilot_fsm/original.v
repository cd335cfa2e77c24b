// EV charging station control-pilot state machine (J1772-like).
// lvl: 0 = 12 V (no vehicle), 1 = 9 V (connected), 2 = 6 V (ready to charge), 3 = fault
module pilot_fsm #(parameter PWM_AT_B = 0) (
  input  wire       clk,
  input  wire       rst,
  input  wire [1:0] lvl,
  input  wire       auth,
  output wire       pwm_en,
  output reg        relay
);
  localparam ST_A     = 3'd0,
             ST_BWAIT = 3'd1,
             ST_BRDY  = 3'd2,
             ST_C     = 3'd3,
             ST_BPAUS = 3'd4,
             ST_F     = 3'd5;
  reg [2:0] st;

  always @(posedge clk) begin
    if (rst) begin
      st    <= ST_A;
      relay <= 1'b0;
    end else begin
      case (st)
        ST_A: begin
          relay <= 1'b0;
          if (lvl == 2'd3) st <= ST_F;
          else if (lvl != 2'd0) st <= ST_BWAIT;
        end
        ST_BWAIT: begin
          relay <= 1'b0;
          if (lvl == 2'd3) st <= ST_F;
          else if (lvl == 2'd0) st <= ST_A;
          else if (auth) st <= ST_BRDY;
        end
        ST_BRDY: begin
          if (lvl == 2'd3) begin st <= ST_F; relay <= 1'b0; end
          else if (lvl == 2'd0) begin st <= ST_A; relay <= 1'b0; end
          else if (lvl == 2'd2) begin st <= ST_C; relay <= 1'b1; end
          else relay <= 1'b0;
        end
        ST_C: begin
          if (lvl == 2'd3) begin st <= ST_F; relay <= 1'b0; end
          else if (lvl == 2'd0) begin st <= ST_A; relay <= 1'b0; end
          else if (lvl == 2'd1) begin st <= ST_BPAUS; relay <= 1'b0; end
          else relay <= 1'b1;
        end
        ST_BPAUS: begin
          if (lvl == 2'd3) begin st <= ST_F; relay <= 1'b0; end
          else if (lvl == 2'd0) begin st <= ST_A; relay <= 1'b0; end
          else if (lvl == 2'd2) begin st <= ST_C; relay <= 1'b1; end
          else relay <= 1'b0;
        end
        ST_F: begin
          relay <= 1'b0;
          if (lvl == 2'd0) st <= ST_A;
        end
        default: begin st <= ST_A; relay <= 1'b0; end
      endcase
    end
  end

  assign pwm_en = (st == ST_BRDY) || (st == ST_C) || (st == ST_BPAUS) ||
                  ((PWM_AT_B != 0) && (st == ST_BWAIT));
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
