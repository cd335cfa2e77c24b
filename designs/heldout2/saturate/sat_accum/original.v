// Signed saturating accumulator (audio level integrator).
// Headroom is checked before adding, C style, so the sum never overflows.
module sat_accum (
    input  wire               clk,
    input  wire               rst_n,
    input  wire               clr,
    input  wire               en,
    input  wire signed [11:0] x,
    output reg  signed [15:0] acc,
    output reg                sat_hi,
    output reg                sat_lo
);
    localparam signed [16:0] MAXV = 17'sd32767;
    localparam signed [16:0] MINV = -17'sd32768;
    wire signed [16:0] xe     = x;
    wire signed [16:0] room_u = MAXV - xe;   // largest acc that can take +x
    wire signed [16:0] room_d = MINV - xe;   // smallest acc that can take x<0
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc    <= 16'sd0;
            sat_hi <= 1'b0;
            sat_lo <= 1'b0;
        end else if (clr) begin
            acc    <= 16'sd0;
            sat_hi <= 1'b0;
            sat_lo <= 1'b0;
        end else if (en) begin
            if (x >= 0 && acc > room_u) begin
                acc    <= 16'sd32767;
                sat_hi <= 1'b1;
                sat_lo <= 1'b0;
            end else if (x < 0 && acc < room_d) begin
                acc    <= -16'sd32768;
                sat_hi <= 1'b0;
                sat_lo <= 1'b1;
            end else begin
                acc    <= acc + x;
                sat_hi <= 1'b0;
                sat_lo <= 1'b0;
            end
        end
    end
endmodule
