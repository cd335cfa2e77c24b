// Round-robin arbiter: search starts one past the previous winner.
module rr_arb8 (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] req,
    output reg  [7:0] gnt,
    output reg  [2:0] gnt_id,
    output reg        gnt_vld
);
    reg [2:0] last;
    integer i;
    reg [2:0] idx;
    reg       found;
    always @* begin
        found  = 1'b0;
        gnt_id = 3'd0;
        for (i = 1; i <= 8; i = i + 1) begin
            idx = (last + i) % 8;
            if (!found && req[idx]) begin
                found  = 1'b1;
                gnt_id = idx;
            end
        end
        gnt_vld = found;
        gnt     = found ? (8'd1 << gnt_id) : 8'd0;
    end
    always @(posedge clk) begin
        if (rst)          last <= 3'd7;
        else if (gnt_vld) last <= gnt_id;
    end
endmodule
