// Two event-rate channels: each keeps a tally of events and, when its sample state comes, stores the
// tally modulo its divider setting (the tally itself for a zero setting). The channel FSM visits
// SAMPLE0 and SAMPLE1 in different cycles, so the two remainder units are never used together.
module rate_ch #(parameter int W = 10) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         ev,
    input  logic         take,
    input  logic [4:0]   div,
    output logic [W-1:0] rate
);
    logic [W-1:0] tally;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            tally <= '0;
            rate  <= '0;
        end else if (take) begin
            rate  <= (div != 0) ? tally % div : tally;
            tally <= '0;
        end else if (ev) begin
            tally <= tally + 1'b1;
        end
    end
endmodule

module rate_pair (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        tick,
    input  logic [1:0]  ev,
    input  logic [9:0]  div_in,
    output logic [19:0] rates
);
    typedef enum logic [1:0] {IDLE, SAMPLE0, SAMPLE1} st_t;
    st_t st;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) st <= IDLE;
        else case (st)
            IDLE:    if (tick) st <= SAMPLE0;
            SAMPLE0: st <= SAMPLE1;
            default: st <= IDLE;
        endcase
    end
    rate_ch #(.W(10)) u_ch0 (.clk(clk), .rst_n(rst_n), .ev(ev[0]), .take(st == SAMPLE0),
                             .div(div_in[4:0]), .rate(rates[9:0]));
    rate_ch #(.W(10)) u_ch1 (.clk(clk), .rst_n(rst_n), .ev(ev[1]), .take(st == SAMPLE1),
                             .div(div_in[9:5]), .rate(rates[19:10]));
endmodule
