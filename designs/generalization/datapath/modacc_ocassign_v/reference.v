// Sensor-frame ones'-complement check word, expert version: the accumulator is
// kept folded (8 bits, end-around carry on every addition), so the check word is
// its complement.
module frame_ocw (
    input  wire       clk,
    input  wire       rst,
    input  wire       sof,
    input  wire       vld,
    input  wire [7:0] byte_in,
    output wire [7:0] check
);
    reg  [7:0] acc;
    reg  [1:0] n;
    wire [8:0] s = acc + byte_in;

    assign check = ~acc;

    always @(posedge clk) begin
        if (rst || sof) begin
            acc <= 8'd0;
            n   <= 2'd0;
        end else if (vld && n != 2'd3) begin
            acc <= s[7:0] + s[8];
            n   <= n + 2'd1;
        end
    end
endmodule
