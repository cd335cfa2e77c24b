// Sensor sweep controller: a calibration pass and a measurement pass both
// track the peak of the incoming samples in one shared peak-hold unit, cleared
// as the pass starts; the passes never overlap (one controller state machine),
// and each unit keeps its last peak after its pass until it is cleared again.
module peak_hold #(
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         clear,
    input  logic         take,
    input  logic [W-1:0] x,
    output logic [W-1:0] peak
);
    always_ff @(posedge clk) begin
        if (rst || clear)               peak <= '0;
        else if (take && x > peak)      peak <= x;
    end
endmodule

module sweep_ctrl (
    input  logic        clk,
    input  logic        rst,
    input  logic        go,
    input  logic        smp_vld,
    input  logic [11:0] smp,
    input  logic        pass_end,
    output logic [11:0] span,
    output logic        span_vld,
    output logic        busy
);
    typedef enum logic [1:0] {IDLE, CAL, MEAS, DONE} st_t;
    st_t st;
    logic [11:0] cal_pk, meas_pk, base;
    logic clr_cal, clr_meas;

    always_comb begin
        clr_cal  = 1'b0;
        clr_meas = 1'b0;
        unique case (st)
            IDLE:    clr_cal  = go;
            CAL:     clr_meas = pass_end;
            default: ;
        endcase
    end

    peak_hold #(.W(12)) u_pk (.clk(clk), .rst(rst), .clear(clr_cal || clr_meas),
                              .take((st == CAL || st == MEAS) && smp_vld), .x(smp), .peak(cal_pk));
    assign meas_pk = cal_pk;

    always_ff @(posedge clk) begin
        if (rst) begin
            st <= IDLE; base <= '0; span <= '0; span_vld <= 1'b0;
        end else begin
            span_vld <= 1'b0;
            unique case (st)
                IDLE: if (go) st <= CAL;
                CAL:  if (pass_end) begin base <= cal_pk; st <= MEAS; end
                MEAS: if (pass_end) begin span <= meas_pk - base; span_vld <= 1'b1; st <= DONE; end
                DONE: st <= IDLE;
            endcase
        end
    end
    assign busy = (st != IDLE);
endmodule
