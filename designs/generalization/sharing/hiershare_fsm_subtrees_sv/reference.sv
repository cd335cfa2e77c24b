// Sensor front end (reference): calibration and filtering never run in the same state, so the top
// keeps one signed multiplier, its operands selected by the calibration state, and both units
// receive its product.

module mac_core (
    input  logic               clk,
    input  logic               rst_n,
    input  logic               step,
    input  logic signed [13:0] pr,
    output logic signed [15:0] acc
);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)    acc <= '0;
        else if (step) acc <= acc + pr;
endmodule

module filter_unit (
    input  logic               clk,
    input  logic               rst_n,
    input  logic               run,
    input  logic signed [13:0] pr,
    output logic signed [15:0] y
);
    mac_core u_core (.clk, .rst_n, .step(run), .pr, .acc(y));
endmodule

module calib_unit (
    input  logic               clk,
    input  logic               rst_n,
    input  logic               active,
    input  logic signed [13:0] scaled,
    output logic signed [13:0] corr
);
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

    logic signed [7:0]  ma;
    logic signed [5:0]  mb;
    logic signed [13:0] prod;
    assign ma   = (st == CAL) ? err : sample;
    assign mb   = (st == CAL) ? k : coef;
    assign prod = ma * mb;

    calib_unit  u_cal  (.clk, .rst_n, .active(st == CAL), .scaled(prod), .corr);
    filter_unit u_filt (.clk, .rst_n, .run(st == RUN), .pr(prod), .y);
endmodule
