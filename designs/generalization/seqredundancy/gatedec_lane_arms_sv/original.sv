// Burst lane scheduler: an SV enum controller (one always_ff) picks a lane,
// sends an address phase, then a data burst on that lane. The lane strobes
// are a one-hot register set bit by bit in a loop when the burst starts and
// cleared when it ends or is aborted; the binary lane number is kept beside it.
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

    assign busy = (st != IDLE);

    always_ff @(posedge clk) begin
        if (rst) begin
            st     <= IDLE;
            lane   <= '0;
            beat   <= '0;
            strobe <= '0;
        end else begin
            unique case (st)
                IDLE: if (go) begin
                    st   <= ADDR;
                    lane <= pick;
                end
                ADDR: begin
                    st   <= BURST;
                    beat <= '0;
                    for (int i = 0; i < NL; i++)
                        strobe[i] <= (lane == LW'(i));
                end
                BURST: begin
                    if (abort) begin
                        st     <= IDLE;
                        strobe <= '0;
                    end else if (beat == 3'(BL - 1)) begin
                        st     <= GAP;
                        strobe <= '0;
                    end else begin
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
