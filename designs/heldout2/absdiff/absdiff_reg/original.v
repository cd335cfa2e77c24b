// Distance between two 16-bit positions, registered, with the sign of the move.
module absdiff_reg (
    input  wire        clk,
    input  wire        rst,
    input  wire        vld,
    input  wire [15:0] pos_a,
    input  wire [15:0] pos_b,
    output reg  [15:0] dist,
    output reg         a_behind
);
    wire [15:0] d_ab = pos_a - pos_b;
    wire [15:0] d_ba = pos_b - pos_a;
    wire        lt   = pos_a < pos_b;
    always @(posedge clk) begin
        if (rst) begin
            dist     <= 16'd0;
            a_behind <= 1'b0;
        end else if (vld) begin
            a_behind <= lt;
            if (lt) dist <= d_ba;
            else    dist <= d_ab;
        end
    end
endmodule
