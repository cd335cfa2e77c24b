// One 2-bit pointer replaces both last-winner registers; the search is a rotate/priority/rotate.
module rr_arb4 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] req,
    output reg  [3:0] gnt,
    output reg  [1:0] gnt_id,
    output reg        busy
);
    reg  [1:0] last_id;
    wire [1:0] base = last_id + 2'd1;                       // first index to look at
    wire [7:0] rr2  = {req, req} >> base;                   // req rotated so 'base' is bit 0
    wire [3:0] r    = rr2[3:0];
    wire [1:0] off  = r[0] ? 2'd0 : r[1] ? 2'd1 : r[2] ? 2'd2 : 2'd3;
    wire [1:0] nid  = base + off;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            last_id <= 2'd3;
            gnt     <= 4'd0;
            gnt_id  <= 2'd0;
            busy    <= 1'b0;
        end else begin
            busy   <= |req;
            gnt    <= (|req) ? (4'd1 << nid) : 4'd0;
            gnt_id <= (|req) ? nid : 2'd0;
            if (|req) last_id <= nid;
        end
    end
endmodule
