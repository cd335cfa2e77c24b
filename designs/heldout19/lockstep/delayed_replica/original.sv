// Burst transfer controller with a trace monitor that reports its status one
// cycle late (aligned with the registered bus it observes).
module xfer_ctrl #(
    parameter int BEATS = 8
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic       gnt,
    input  logic       ack,
    input  logic       abort,
    output logic       req,
    output logic       busy,
    output logic       done,
    output logic [$clog2(BEATS+1)-1:0] beat
);
    typedef enum logic [2:0] {IDLE, ARB, XFER, LAST, FIN} st_t;
    st_t st, st_n;
    logic [$clog2(BEATS+1)-1:0] beat_n;
    always_comb begin
        st_n   = st;
        beat_n = beat;
        unique case (st)
            IDLE: if (start) begin st_n = ARB; beat_n = '0; end
            ARB:  if (abort) st_n = IDLE;
                  else if (gnt) st_n = XFER;
            XFER: if (abort) st_n = FIN;
                  else if (ack) begin
                      beat_n = beat + 1'b1;
                      if (beat == BEATS - 2) st_n = LAST;
                  end
            LAST: if (ack) begin beat_n = beat + 1'b1; st_n = FIN; end
            FIN:  st_n = IDLE;
            default: st_n = IDLE;
        endcase
    end
    always_ff @(posedge clk) begin
        if (rst) begin
            st   <= IDLE;
            beat <= '0;
        end else begin
            st   <= st_n;
            beat <= beat_n;
        end
    end
    assign req  = (st == ARB);
    assign busy = (st != IDLE);
    assign done = (st == FIN);
endmodule

module xfer_unit (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic       gnt,
    input  logic       ack,
    input  logic       abort,
    output logic       req,
    output logic       busy,
    output logic       done,
    output logic [3:0] beat,
    output logic       mon_busy,
    output logic       mon_done,
    output logic [3:0] mon_beat
);
    logic start_q, gnt_q, ack_q, abort_q;
    logic mon_req;
    xfer_ctrl #(.BEATS(12)) u_ctrl (.*);
    always_ff @(posedge clk) begin
        if (rst) begin
            start_q <= 1'b0;
            gnt_q   <= 1'b0;
            ack_q   <= 1'b0;
            abort_q <= 1'b0;
        end else begin
            start_q <= start;
            gnt_q   <= gnt;
            ack_q   <= ack;
            abort_q <= abort;
        end
    end
    // trace monitor: replays the controller on the registered bus signals
    xfer_ctrl #(.BEATS(12)) u_mon (.clk, .rst, .start(start_q), .gnt(gnt_q), .ack(ack_q), .abort(abort_q),
                                   .req(mon_req), .busy(mon_busy), .done(mon_done), .beat(mon_beat));
endmodule
