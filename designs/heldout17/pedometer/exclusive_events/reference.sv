// Wearable pedometer: an extremum detector turns the filtered acceleration
// magnitude into peak and valley events; a step is a peak followed by a
// valley deep enough within a time window. The step machine also guards
// against a simultaneous peak and valley (counted as a sensor glitch).
// Reference: the detector's peak and valley come from the two arms of one
// if/else, so they are never 1 together: GLITCH and its counter go.
module extremum_det #(
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         vld,
    input  logic [W-1:0] acc,
    output logic         peak,
    output logic         valley,
    output logic [W-1:0] level
);
    logic [W-1:0] prev;
    logic         rising;
    always_ff @(posedge clk) begin
        if (rst) begin
            prev <= '0; rising <= 1'b0; peak <= 1'b0; valley <= 1'b0; level <= '0;
        end else begin
            peak <= 1'b0; valley <= 1'b0;
            if (vld) begin
                prev <= acc;
                if (acc > prev && !rising) begin
                    rising <= 1'b1; valley <= 1'b1; level <= prev;
                end else if (acc < prev && rising) begin
                    rising <= 1'b0; peak <= 1'b1; level <= prev;
                end
            end
        end
    end
endmodule

module step_fsm #(
    parameter int W    = 12,
    parameter int MINH = 100,
    parameter int TMAX = 50,
    parameter int TW   = 8,
    parameter int CW   = 16
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          peak,
    input  logic          valley,
    input  logic [W-1:0]  level,
    output logic [CW-1:0] steps,
    output logic [7:0]    glitches
);
    assign glitches = '0;
    typedef enum logic {SEEK_PK, SEEK_VL} st_t;
    st_t st, nst;
    logic [TW-1:0] t;
    logic [W-1:0]  pk;

    always_comb begin
        nst = st;
        unique case (st)
            SEEK_PK: if (peak)      nst = SEEK_VL;
            SEEK_VL: if (t == TW'(TMAX))                     nst = SEEK_PK;
                     else if (valley && pk - level >= W'(MINH)) nst = SEEK_PK;
                     else if (peak)                          nst = SEEK_VL;
            default: nst = SEEK_PK;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            st <= SEEK_PK; t <= '0; pk <= '0; steps <= '0;
        end else begin
            st <= nst;
            if (peak) pk <= level;
            if (nst == SEEK_VL && (st != SEEK_VL || peak)) t <= '0;
            else if (st == SEEK_VL) t <= t + 1'b1;
            if (st == SEEK_VL && nst == SEEK_PK && t != TW'(TMAX)) steps <= steps + 1'b1;
        end
    end
endmodule

module pedometer (
    input  logic        clk,
    input  logic        rst,
    input  logic        vld,
    input  logic [9:0]  mag,
    output logic [11:0] steps,
    output logic [7:0]  glitches
);
    logic peak, valley;
    logic [9:0] level;
    extremum_det #(.W(10)) u_ext (.clk, .rst, .vld, .acc(mag), .peak, .valley, .level);
    step_fsm #(.W(10), .MINH(60), .TMAX(40), .TW(6), .CW(12)) u_fsm (.clk, .rst, .peak, .valley, .level,
                                                                    .steps, .glitches);
endmodule
