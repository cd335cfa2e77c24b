// Round-robin request scheduler: mask off requesters below the pointer and
// take the lowest set bit of the masked requests, else of all requests.
module rr_arb #(
    parameter N = 4,
    parameter P = 2
) (
    input              clk,
    input              rst,
    input      [N-1:0] req,
    input              ack,
    output     [N-1:0] gnt,
    output     [P-1:0] gnt_id,
    output             any
);
    reg [P-1:0] ptr;

    function [P-1:0] enc;
        input [N-1:0] oh;
        integer k;
        begin
            enc = {P{1'b0}};
            for (k = 0; k < N; k = k + 1)
                if (oh[k]) enc = k;
        end
    endfunction

    wire [N-1:0] mask = ~(({{(N-1){1'b0}}, 1'b1} << ptr) - 1'b1);   // bits >= ptr
    wire [N-1:0] mreq = req & mask;
    wire [N-1:0] sel  = (|mreq) ? mreq : req;

    assign gnt    = sel & (~sel + 1'b1);
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
