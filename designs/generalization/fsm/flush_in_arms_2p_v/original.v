// Packet framer: two-process FSM with localparam codes; flush is tested in
// every state of the next-state block and always goes back to HUNT.
module framer (
    input  wire       clk,
    input  wire       rst,
    input  wire       flush,
    input  wire       sync,
    input  wire       last,
    output reg        in_frame,
    output wire       hunting
);
    localparam [1:0] HUNT = 2'd0, HDR = 2'd1, BODY = 2'd2, TAIL = 2'd3;
    reg [1:0] st, st_n;
    reg       in_frame_n;

    always @(posedge clk) begin
        if (rst) begin
            st       <= HUNT;
            in_frame <= 1'b0;
        end else begin
            st       <= st_n;
            in_frame <= in_frame_n;
        end
    end

    always @* begin
        st_n       = st;
        in_frame_n = in_frame;
        case (st)
            HUNT: if (flush) st_n = HUNT;
                  else if (sync) begin st_n = HDR; in_frame_n = 1'b1; end
            HDR:  if (flush) begin st_n = HUNT; in_frame_n = 1'b0; end
                  else st_n = BODY;
            BODY: if (flush) begin st_n = HUNT; in_frame_n = 1'b0; end
                  else if (last) st_n = TAIL;
            TAIL: if (flush) begin st_n = HUNT; in_frame_n = 1'b0; end
                  else begin st_n = sync ? HDR : HUNT; in_frame_n = sync; end
            default: begin st_n = HUNT; in_frame_n = 1'b0; end
        endcase
    end

    assign hunting = (st == HUNT);
endmodule
