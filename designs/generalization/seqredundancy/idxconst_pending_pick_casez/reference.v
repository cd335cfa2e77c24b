// Pending-request tracker for 8 sources: requests are latched until served, and the index of
// the lowest pending source is registered together with them. 'serve_ok' checks the selected
// source's pending bit, the way the request path is usually written.
module pend_pick8 (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] req,
    input  wire       serve,
    output reg  [7:0] pend,
    output reg  [2:0] pick,
    output wire       serve_ok
);
    reg [7:0] pend_n;
    reg [2:0] pick_n;

    assign serve_ok = serve && (pick != 3'd0 || pend[0]);   // pick > 0 only names a pending source

    always @* begin
        pend_n = pend | req;
        if (serve_ok)
            pend_n[pick] = 1'b0;
        // lowest pending source first
        pick_n = pend_n[0] ? 3'd0 : pend_n[1] ? 3'd1 : pend_n[2] ? 3'd2 : pend_n[3] ? 3'd3 :
                 pend_n[4] ? 3'd4 : pend_n[5] ? 3'd5 : pend_n[6] ? 3'd6 : pend_n[7] ? 3'd7 : 3'd0;
    end

    always @(posedge clk) begin
        if (rst) begin
            pend <= 8'd0;
            pick <= 3'd0;
        end else begin
            pend <= pend_n;
            pick <= pick_n;
        end
    end
endmodule
