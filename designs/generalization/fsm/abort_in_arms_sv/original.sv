// Label cutter: one-process FSM (SV enum), the abort input checked first in
// every arm; it returns to IDLE and clears the knife and feed outputs.
module label_cutter (
    input  logic clk,
    input  logic rst_n,
    input  logic abort,
    input  logic go,
    input  logic mark,
    input  logic done,
    output logic feed,
    output logic knife
);
    typedef enum logic [1:0] {IDLE, FEED, CUT, EJECT} st_t;
    st_t st;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st    <= IDLE;
            feed  <= 1'b0;
            knife <= 1'b0;
        end else begin
            case (st)
                IDLE: begin
                    if (abort) begin st <= IDLE; feed <= 1'b0; knife <= 1'b0; end
                    else if (go) begin st <= FEED; feed <= 1'b1; end
                end
                FEED: begin
                    if (abort) begin st <= IDLE; feed <= 1'b0; knife <= 1'b0; end
                    else if (mark) begin st <= CUT; feed <= 1'b0; knife <= 1'b1; end
                end
                CUT: begin
                    if (abort) begin st <= IDLE; feed <= 1'b0; knife <= 1'b0; end
                    else if (done) begin st <= EJECT; knife <= 1'b0; feed <= 1'b1; end
                end
                EJECT: begin
                    if (abort) begin st <= IDLE; feed <= 1'b0; knife <= 1'b0; end
                    else if (!mark) begin st <= go ? FEED : IDLE; feed <= go; end
                end
            endcase
        end
    end
endmodule
