// Half-duplex request/response port: a request is collected, then the response
// is sent; the two never run at once (a response may start only when no
// request is being collected and the request side is held off while one is
// sent).  Both directions share one ones'-complement checksum unit, cleared at
// the start of its message and left holding its last sum afterwards.
module csum16 (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        init,
    input  wire        add,
    input  wire [15:0] w,
    output reg  [15:0] sum
);
    wire [16:0] s = {1'b0, sum} + {1'b0, w};
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)    sum <= 16'h0000;
        else if (init) sum <= 16'h0000;
        else if (add)  sum <= s[15:0] + {15'd0, s[16]};
    end
endmodule

module hd_port (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        req_sop,
    input  wire        req_vld,
    input  wire [15:0] req_w,
    input  wire        req_eop,
    input  wire        rsp_sop,
    input  wire        rsp_vld,
    input  wire [15:0] rsp_w,
    input  wire        rsp_eop,
    output reg         in_req,
    output reg         in_rsp,
    output reg         req_good,
    output reg         req_chk,
    output reg  [15:0] rsp_csum,
    output reg         rsp_done
);
    wire [15:0] q_sum, r_sum;
    wire start_q = req_sop & ~in_req & ~in_rsp;
    wire start_r = rsp_sop & ~req_sop & ~in_req & ~in_rsp;

    csum16 u_req (.clk(clk), .rst_n(rst_n), .init(start_q | start_r),
                  .add((in_req & req_vld) | (in_rsp & rsp_vld)), .w(in_rsp ? rsp_w : req_w), .sum(q_sum));
    assign r_sum = q_sum;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            in_req <= 1'b0; in_rsp <= 1'b0;
            req_good <= 1'b0; req_chk <= 1'b0;
            rsp_csum <= 16'h0000; rsp_done <= 1'b0;
        end else begin
            req_chk  <= 1'b0;
            rsp_done <= 1'b0;
            if (start_q)
                in_req <= 1'b1;
            else if (in_req && req_eop) begin
                in_req   <= 1'b0;
                req_chk  <= 1'b1;
                req_good <= (q_sum == 16'hffff);
            end
            if (start_r)
                in_rsp <= 1'b1;
            else if (in_rsp && rsp_eop) begin
                in_rsp   <= 1'b0;
                rsp_csum <= ~r_sum;
                rsp_done <= 1'b1;
            end
        end
    end
endmodule
