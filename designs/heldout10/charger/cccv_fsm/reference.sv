// Li-ion charger control: precharge a deeply discharged cell, constant current,
// then constant voltage until the current tapers, with an over-voltage fault.
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
    typedef enum logic [2:0] {
        IDLE  = 3'd0,
        PRE   = 3'd1,
        CC    = 3'd2,
        CV    = 3'd3,
        DONE  = 3'd4,
        FAULT = 3'd5
    } state_t;

    state_t state, nxt;

    always_comb begin
        nxt = state;
        case (state)
            IDLE:    if (en) begin if (v_low) nxt = PRE; else nxt = CC; end
            PRE:     if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT; else if (!v_low) nxt = CC;
            CC:      if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT; else if (v_reg) nxt = CV;
            CV:      if (!en) nxt = IDLE; else if (v_ovp) nxt = FAULT;
                     else if (i_term) nxt = DONE;
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
            CV:           mode = 2'd3;
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
