// Reference: one 2-bit mod-3 position serves both keep patterns.
module punct_pair (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output reg  [1:0] k
);
    reg [1:0] pos;
    wire [2:0] ka = 3'b101, kb = 3'b110;
    always @(posedge clk) begin
        if (rst) begin
            pos <= 2'd0;
            k   <= 2'b00;
        end else if (en) begin
            k   <= {kb[pos], ka[pos]};
            pos <= (pos == 2'd2) ? 2'd0 : pos + 2'd1;
        end else begin
            k   <= 2'b00;
        end
    end
endmodule
