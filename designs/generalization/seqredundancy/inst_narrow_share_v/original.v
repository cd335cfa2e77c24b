// Two puncturing units with their own keep patterns; each keeps its own 8-bit
// pattern position (period 3), stepped by the same enable and cleared by the
// same reset, so the positions are equal in every state.
module punct #(
    parameter P = 4,
    parameter [P-1:0] KEEP = 4'b1011
) (
    input  wire clk,
    input  wire rst,
    input  wire en,
    output reg  keep
);
    reg [7:0] pos;
    always @(posedge clk) begin
        if (rst) begin
            pos  <= 8'd0;
            keep <= 1'b0;
        end else if (en) begin
            keep <= KEEP[pos];
            pos  <= (pos == P - 1) ? 8'd0 : pos + 8'd1;
        end else begin
            keep <= 1'b0;
        end
    end
endmodule

module punct_pair (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [1:0] k
);
    punct #(.P(3), .KEEP(3'b101)) ua (.clk(clk), .rst(rst), .en(en), .keep(k[0]));
    punct #(.P(3), .KEEP(3'b110)) ub (.clk(clk), .rst(rst), .en(en), .keep(k[1]));
endmodule
