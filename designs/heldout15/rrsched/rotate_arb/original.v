// Round-robin request scheduler: rotate the requests so the highest-priority
// requester sits at bit 0, pick the lowest set bit, rotate the grant back.
module rr_arb #(
    parameter N = 4,
    parameter P = 2     // log2(N)
) (
    input              clk,
    input              rst,
    input      [N-1:0] req,
    input              ack,      // grant consumed this cycle
    output     [N-1:0] gnt,
    output     [P-1:0] gnt_id,
    output             any
);
    reg [P-1:0] ptr;   // requester with the highest priority

    function [N-1:0] rot_r;
        input [N-1:0] v;
        input [P-1:0] s;
        reg [2*N-1:0] d;
        begin
            d     = {v, v} >> s;
            rot_r = d[N-1:0];
        end
    endfunction

    function [N-1:0] rot_l;
        input [N-1:0] v;
        input [P-1:0] s;
        reg [2*N-1:0] d;
        begin
            d     = {v, v} << s;
            rot_l = d[2*N-1:N];
        end
    endfunction

    function [P-1:0] enc;
        input [N-1:0] oh;
        integer k;
        begin
            enc = {P{1'b0}};
            for (k = 0; k < N; k = k + 1)
                if (oh[k]) enc = k;
        end
    endfunction

    wire [N-1:0] rreq = rot_r(req, ptr);
    wire [N-1:0] rgnt = rreq & (~rreq + 1'b1);

    assign gnt    = rot_l(rgnt, ptr);
    assign gnt_id = enc(gnt);
    assign any    = |req;

    always @(posedge clk) begin
        if (rst)
            ptr <= {P{1'b0}};
        else if (ack && any)
            ptr <= gnt_id + 1'b1;
    end
endmodule

module dma_sched (
    input        clk,
    input        rst,
    input  [7:0] req,
    input        ack,
    output [7:0] gnt,
    output [2:0] gnt_id,
    output       any
);
    rr_arb #(.N(8), .P(3)) u_arb (
        .clk(clk), .rst(rst), .req(req), .ack(ack), .gnt(gnt), .gnt_id(gnt_id), .any(any)
    );
endmodule
