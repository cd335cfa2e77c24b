// Register 0 is constant zero: no storage for it; reads are plain indexed muxes.
module regfile8 (
    input  wire        clk,
    input  wire        rst,
    input  wire        we,
    input  wire [2:0]  waddr,
    input  wire [15:0] wdata,
    input  wire [2:0]  ra1,
    input  wire [2:0]  ra2,
    output wire [15:0] rd1,
    output wire [15:0] rd2
);
    reg [15:0] r1, r2, r3, r4, r5, r6, r7;
    always @(posedge clk) begin
        if (rst) begin
            r1 <= 16'd0; r2 <= 16'd0; r3 <= 16'd0; r4 <= 16'd0;
            r5 <= 16'd0; r6 <= 16'd0; r7 <= 16'd0;
        end else if (we) begin
            case (waddr)
                3'd1: r1 <= wdata;
                3'd2: r2 <= wdata;
                3'd3: r3 <= wdata;
                3'd4: r4 <= wdata;
                3'd5: r5 <= wdata;
                3'd6: r6 <= wdata;
                3'd7: r7 <= wdata;
                default: ;
            endcase
        end
    end
    function [15:0] rd;
        input [2:0] a;
        begin
            case (a)
                3'd1: rd = r1;
                3'd2: rd = r2;
                3'd3: rd = r3;
                3'd4: rd = r4;
                3'd5: rd = r5;
                3'd6: rd = r6;
                3'd7: rd = r7;
                default: rd = 16'd0;
            endcase
        end
    endfunction
    assign rd1 = rd(ra1);
    assign rd2 = rd(ra2);
endmodule
