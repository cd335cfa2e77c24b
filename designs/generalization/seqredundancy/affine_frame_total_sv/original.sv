// Frame byte counter (child of a framer top): a frame starts with a header of hlen bytes (latched),
// then payload bytes are counted. A running total of the frame's bytes is kept beside the payload
// count: it is always hlen + payload (mod 2**10), and it is what the limit check reads.
module frame_cnt #(
    parameter int MAXB = 600
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       sof,
    input  logic [2:0] hlen,
    input  logic       byte_en,
    output logic       over,
    output logic [9:0] payload_o
);
    typedef enum logic [1:0] {IDLE, BODY, STOP} st_t;
    st_t        st, st_n;
    logic [2:0] hdr_q, hdr_n;
    logic [9:0] payload, payload_n;
    logic [9:0] total, total_n;

    always_comb begin
        st_n      = st;
        hdr_n     = hdr_q;
        payload_n = payload;
        total_n   = total;
        unique case (st)
            IDLE: if (sof) begin
                hdr_n     = hlen;
                payload_n = '0;
                total_n   = {7'd0, hlen};
                st_n      = BODY;
            end
            BODY: if (byte_en) begin
                if (total == MAXB[9:0] - 10'd1) st_n = STOP;
                payload_n = payload + 10'd1;
                total_n   = total + 10'd1;
            end
            default: if (sof) st_n = IDLE;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            st      <= IDLE;
            hdr_q   <= '0;
            payload <= '0;
            total   <= '0;
        end else begin
            st      <= st_n;
            hdr_q   <= hdr_n;
            payload <= payload_n;
            total   <= total_n;
        end
    end

    assign over      = (st == STOP);
    assign payload_o = payload;
endmodule

module framer_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       sof,
    input  logic [2:0] hlen,
    input  logic       byte_en,
    output logic       over,
    output logic [9:0] payload
);
    frame_cnt #(.MAXB(600)) u_cnt (
        .clk(clk), .rst(rst), .sof(sof), .hlen(hlen), .byte_en(byte_en),
        .over(over), .payload_o(payload)
    );
endmodule
