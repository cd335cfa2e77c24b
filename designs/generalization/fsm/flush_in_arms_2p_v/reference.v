// Packet framer, hand-optimized: flush once over the case; in_frame is a
// decode of the state (it only mirrors it).
module framer (
    input  wire       clk,
    input  wire       rst,
    input  wire       flush,
    input  wire       sync,
    input  wire       last,
    output wire       in_frame,
    output wire       hunting
);
    localparam [1:0] HUNT = 2'd0, HDR = 2'd1, BODY = 2'd2, TAIL = 2'd3;
    reg [1:0] st, st_n;

    always @(posedge clk) st <= rst ? HUNT : st_n;

    always @* begin
        st_n = st;
        if (flush) st_n = HUNT;
        else case (st)
            HUNT: if (sync) st_n = HDR;
            HDR:  st_n = BODY;
            BODY: if (last) st_n = TAIL;
            TAIL: st_n = sync ? HDR : HUNT;
        endcase
    end

    assign in_frame = (st != HUNT);
    assign hunting  = (st == HUNT);
endmodule
