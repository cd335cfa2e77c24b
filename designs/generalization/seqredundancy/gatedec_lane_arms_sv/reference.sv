// Burst lane scheduler, hand-optimized: the lane strobes are the decode of
// the lane number during a burst (no one-hot register).
module lane_sched #(
    parameter int NL = 8,
    parameter int LW = 3,
    parameter int BL = 5
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          go,
    input  logic [LW-1:0] pick,
    input  logic          abort,
    output logic [NL-1:0] strobe,
    output logic [LW-1:0] lane,
    output logic          busy
);
    typedef enum logic [1:0] {IDLE, ADDR, BURST, GAP} st_t;
    st_t        st;
    logic [2:0] beat;

    assign busy   = (st != IDLE);
    assign strobe = (st == BURST) ? (NL'(1) << lane) : '0;

    always_ff @(posedge clk) begin
        if (rst) begin
            st     <= IDLE;
            lane   <= '0;
            beat   <= '0;
        end else begin
            unique case (st)
                IDLE: if (go) begin
                    st   <= ADDR;
                    lane <= pick;
                end
                ADDR: begin
                    st   <= BURST;
                    beat <= '0;
                end
                BURST: begin
                    if (abort)
                        st <= IDLE;
                    else if (beat == 3'(BL - 1))
                        st <= GAP;
                    else begin
                        beat <= beat + 3'd1;
                    end
                end
                GAP: st <= go ? ADDR : IDLE;
            endcase
        end
    end
endmodule

module burst_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       go,
    input  logic [2:0] pick,
    input  logic       abort,
    output logic [7:0] strobe,
    output logic [2:0] lane,
    output logic       busy
);
    lane_sched #(.NL(8), .LW(3), .BL(5)) u_ls (.*);
endmodule
