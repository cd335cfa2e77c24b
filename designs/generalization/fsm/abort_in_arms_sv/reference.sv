// Label cutter, hand-optimized: abort once over the case; feed and knife are
// decodes of the state (they only mirror it).
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
        if (!rst_n) st <= IDLE;
        else if (abort) st <= IDLE;
        else case (st)
            IDLE:  if (go) st <= FEED;
            FEED:  if (mark) st <= CUT;
            CUT:   if (done) st <= EJECT;
            EJECT: if (!mark) st <= go ? FEED : IDLE;
        endcase
    end

    assign feed  = (st == FEED) || (st == EJECT);
    assign knife = (st == CUT);
endmodule
