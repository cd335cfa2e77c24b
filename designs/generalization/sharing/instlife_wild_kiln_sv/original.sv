// Kiln: heat for a while, then soak for a while. Each phase has its own
// one-shot timer instance; clk/rst_n/tick (and the heat timer's start) are
// connected by name with '.*'.
module ph_timer #(parameter int W = 6) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         tick,
    input  logic         start,
    input  logic [W-1:0] len,
    output logic         done
);
    logic [W-1:0] c;
    logic         run;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            c   <= '0;
            run <= 1'b0;
        end else if (start) begin
            c   <= len;
            run <= 1'b1;
        end else if (run && tick) begin
            if (c == '0) run <= 1'b0;
            else         c <= c - 1'b1;
        end
    assign done = run && tick && (c == '0);
endmodule

module kiln (
    input  logic clk,
    input  logic rst_n,
    input  logic tick,
    input  logic go,
    output logic heat,
    output logic soak
);
    typedef enum logic [1:0] {IDLE, HEAT, SOAK} st_t;
    st_t  st;
    logic start, start_soak, heat_done, soak_done;
    assign start      = go && (st == IDLE);
    assign start_soak = (st == HEAT) && heat_done;

    ph_timer #(.W(6)) u_heat (.*, .len(6'd40), .done(heat_done));
    ph_timer #(.W(6)) u_soak (.*, .start(start_soak), .len(6'd25), .done(soak_done));

    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) st <= IDLE;
        else case (st)
            IDLE:    if (go) st <= HEAT;
            HEAT:    if (heat_done) st <= SOAK;
            SOAK:    if (soak_done) st <= IDLE;
            default: st <= IDLE;
        endcase
    assign heat = (st == HEAT);
    assign soak = (st == SOAK);
endmodule
