// Li-ion charger control: precharge a deeply discharged cell, constant current,
// then constant voltage until the current tapers, with an over-voltage fault.
// CV_HOLD was added for a hold-off measurement that the current firmware does
// not use: it behaves exactly like CV.
module chg_fsm (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    input  logic       tick,       // measurement strobe
    input  logic       v_low,      // cell below precharge threshold
    input  logic       v_reg,      // cell reached regulation voltage
    input  logic       v_ovp,      // over-voltage
    input  logic       i_term,     // current below termination level
    output logic [1:0] mode,       // 0 off, 1 precharge, 2 CC, 3 CV
    output logic       done_led,
    output logic       fault_led
);
    typedef enum logic [6:0] {
        IDLE    = 7'b0000001,
        PRE     = 7'b0000010,
        CC      = 7'b0000100,
        CV      = 7'b0001000,
        CV_HOLD = 7'b0010000,
        DONE    = 7'b0100000,
        FAULT   = 7'b1000000
    } state_t;

    state_t state, nxt;

    always_comb begin
        nxt = state;
        case (state)
            IDLE:    if (en) begin if (v_low) nxt = PRE; else nxt = CC; end
            PRE:     if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT; else if (!v_low) nxt = CC;
            CC:      if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT; else if (v_reg) nxt = CV;
            CV:      if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT;
                     else if (i_term) nxt = DONE; else if (tick) nxt = CV_HOLD;
            CV_HOLD: if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT;
                     else if (i_term) nxt = DONE; else if (tick) nxt = CV;
            DONE:    if (!en) nxt = IDLE;
            FAULT:   if (!en) nxt = IDLE;
            default: nxt = IDLE;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) state <= IDLE;
        else        state <= nxt;
    end

    always_comb begin
        unique case (state)
            PRE:          mode = 2'd1;
            CC:           mode = 2'd2;
            CV, CV_HOLD:  mode = 2'd3;
            default:      mode = 2'd0;
        endcase
        done_led  = (state == DONE);
        fault_led = (state == FAULT);
    end
endmodule

module charger (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    input  logic       tick,
    input  logic [2:0] adc_flags,   // {v_ovp, v_reg, v_low}
    input  logic       i_term,
    output logic [1:0] mode,
    output logic       done_led,
    output logic       fault_led
);
    chg_fsm u_fsm (
        .clk, .rst_n, .en, .tick,
        .v_low(adc_flags[0]), .v_reg(adc_flags[1]), .v_ovp(adc_flags[2]),
        .i_term, .mode, .done_led, .fault_led
    );
endmodule
