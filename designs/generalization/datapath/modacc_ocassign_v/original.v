// Sensor-frame ones'-complement check word: up to 3 bytes per frame are summed
// into a 10-bit accumulator; the end-around-carry fold is written as a chain of
// continuous assignments and inverted into the check word.
module frame_ocw (
    input  wire       clk,
    input  wire       rst,
    input  wire       sof,
    input  wire       vld,
    input  wire [7:0] byte_in,
    output wire [7:0] check
);
    reg  [9:0] acc;
    reg  [1:0] n;
    wire [8:0] part;
    wire [7:0] folded;

    assign part   = {1'b0, acc[7:0]} + {7'b0, acc[9:8]};
    assign folded = part[7:0] + {7'b0, part[8]};
    assign check  = ~folded;

    always @(posedge clk) begin
        if (rst || sof) begin
            acc <= 10'd0;
            n   <= 2'd0;
        end else if (vld && n != 2'd3) begin
            acc <= acc + byte_in;
            n   <= n + 2'd1;
        end
    end
endmodule
