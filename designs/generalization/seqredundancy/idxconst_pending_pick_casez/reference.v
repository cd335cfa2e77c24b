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
        casez (pend_n)
            8'b???????1: pick_n = 3'd0;
            8'b??????10: pick_n = 3'd1;
            8'b?????100: pick_n = 3'd2;
            8'b????1000: pick_n = 3'd3;
            8'b???10000: pick_n = 3'd4;
            8'b??100000: pick_n = 3'd5;
            8'b?1000000: pick_n = 3'd6;
            8'b10000000: pick_n = 3'd7;
            default:     pick_n = 3'd0;
        endcase
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
