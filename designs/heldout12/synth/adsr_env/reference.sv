// ADSR envelope generator of a polyphonic synth voice: attack ramps up by
// a_rate to full scale, decay ramps down by d_rate to the sustain level,
// release ramps down by r_rate to zero.
module adsr #(
    parameter int LW = 16
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          tick,        // envelope sample rate
    input  logic          gate,        // key held
    input  logic [LW-1:0] a_rate,
    input  logic [LW-1:0] d_rate,
    input  logic [LW-1:0] s_level,
    input  logic [LW-1:0] r_rate,
    output logic [LW-1:0] level,
    output logic          active
);
    typedef enum logic [2:0] {IDLE, ATTACK, DECAY, SUSTAIN, RELEASE} st_t;
    st_t st;
    // only one ramp is active per state: one adder/subtractor with the rate
    // selected by the state (bit LW is the carry for up, the borrow for down)
    logic [LW:0]   step;
    logic [LW-1:0] rate;
    logic          sub;
    always_comb begin
        sub  = (st != ATTACK);
        rate = (st == ATTACK) ? a_rate : (st == DECAY) ? d_rate : r_rate;
        step = sub ? ({1'b0, level} - {1'b0, rate}) : ({1'b0, level} + {1'b0, rate});
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            st    <= IDLE;
            level <= '0;
        end else if (tick) begin
            unique case (st)
                IDLE:    if (gate) st <= ATTACK;
                ATTACK:  if (!gate) st <= RELEASE;
                         else if (step[LW]) begin level <= '1; st <= DECAY; end
                         else level <= step[LW-1:0];
                DECAY:   if (!gate) st <= RELEASE;
                         else if (step[LW] || step[LW-1:0] <= s_level) begin level <= s_level; st <= SUSTAIN; end
                         else level <= step[LW-1:0];
                SUSTAIN: if (!gate) st <= RELEASE;
                RELEASE: if (gate) st <= ATTACK;
                         else if (step[LW]) begin level <= '0; st <= IDLE; end
                         else level <= step[LW-1:0];
                default: st <= IDLE;
            endcase
        end
    end
    assign active = (st != IDLE);
endmodule

module synth_voice_env (
    input  logic        clk,
    input  logic        rst,
    input  logic        tick,
    input  logic        gate,
    input  logic [11:0] a_rate,
    input  logic [11:0] d_rate,
    input  logic [11:0] s_level,
    input  logic [11:0] r_rate,
    output logic [11:0] level,
    output logic        active
);
    adsr #(.LW(12)) u_env (.*);
endmodule
