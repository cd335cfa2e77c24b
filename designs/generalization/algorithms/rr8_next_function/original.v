// 8-way round robin with a "next start" pointer: the search begins at ptr, a function scans.
module rr8_next (
    input  wire       clk,
    input  wire       rst,
    input  wire [7:0] req,
    output wire [7:0] gnt,
    output wire [2:0] gnt_idx,
    output wire       busy
);
    reg [2:0] ptr;
    function [3:0] scan;           // {found, index}
        input [7:0] r;
        input [2:0] start;
        integer k;
        reg [2:0] p;
        begin
            scan = 4'd0;
            for (k = 7; k >= 0; k = k - 1) begin
                p = start + k[2:0];
                if (r[p]) scan = {1'b1, p};
            end
        end
    endfunction
    wire [3:0] s = scan(req, ptr);
    assign busy    = s[3];
    assign gnt_idx = s[2:0];
    assign gnt     = s[3] ? (8'd1 << s[2:0]) : 8'd0;
    always @(posedge clk)
        if (rst)       ptr <= 3'd0;
        else if (busy) ptr <= s[2:0] + 3'd1;
endmodule
