// Sensor front end: a calibration unit and a filter unit in sibling subtrees, each with its own
// signed multiplier. The controller's FSM calibrates first, then filters; the two units are never
// enabled in the same state.

module smul #(parameter int AW = 8, parameter int BW = 8) (
    input  logic signed [AW-1:0]    a,
    input  logic signed [BW-1:0]    b,
    output logic signed [AW+BW-1:0] p
);
    always_comb p = a * b;
endmodule

module mac_core (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              step,
    input  logic signed [7:0] x,
    input  logic signed [5:0] c,
    output logic signed [15:0] acc
);
    logic signed [13:0] pr;
    smul #(.AW(8), .BW(6)) u_mul (.a(x), .b(c), .p(pr));
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)    acc <= '0;
        else if (step) acc <= acc + pr;
endmodule

module filter_unit (
    input  logic               clk,
    input  logic               rst_n,
    input  logic               run,
    input  logic signed [7:0]  sample,
    input  logic signed [5:0]  coef,
    output logic signed [15:0] y
);
    mac_core u_core (.clk, .rst_n, .step(run), .x(sample), .c(coef), .acc(y));
endmodule

module calib_unit (
    input  logic               clk,
    input  logic               rst_n,
    input  logic               active,
    input  logic signed [7:0]  err,
    input  logic signed [5:0]  k,
    output logic signed [13:0] corr
);
    wire signed [13:0] scaled = err * k;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)      corr <= '0;
        else if (active) corr <= scaled;
endmodule

module sense_top (
    input  logic               clk,
    input  logic               rst_n,
    input  logic               start,
    input  logic               done_cal,
    input  logic               stop,
    input  logic signed [7:0]  err,
    input  logic signed [5:0]  k,
    input  logic signed [7:0]  sample,
    input  logic signed [5:0]  coef,
    output logic signed [13:0] corr,
    output logic signed [15:0] y
);
    typedef enum logic [1:0] {IDLE, CAL, RUN} st_t;
    st_t st;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) st <= IDLE;
        else unique case (st)
            IDLE:    if (start)    st <= CAL;
            CAL:     if (done_cal) st <= RUN;
            RUN:     if (stop)     st <= IDLE;
            default:               st <= IDLE;
        endcase

    calib_unit  u_cal  (.clk, .rst_n, .active(st == CAL), .err, .k, .corr);
    filter_unit u_filt (.clk, .rst_n, .run(st == RUN), .sample, .coef, .y);
endmodule
