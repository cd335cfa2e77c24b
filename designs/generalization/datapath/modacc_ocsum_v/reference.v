// Reference: the accumulator adds each byte with its end-around carry (the
// ones'-complement sum kept byte-wide), so no wide register and no final fold.
module oc_check (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire       dv,
    input  wire       last,
    input  wire [7:0] d,
    output reg        good,
    output wire [7:0] csum
);
    reg  [7:0] acc;
    reg  [3:0] cnt;
    wire [8:0] s = acc + d;

    assign csum = ~acc;

    always @(posedge clk) begin
        if (rst || start) begin
            acc  <= 8'd0;
            cnt  <= 4'd0;
            good <= 1'b0;
        end else if (dv) begin
            if (last)
                good <= (~acc == d);
            else if (cnt != 4'd15) begin
                acc <= s[7:0] + s[8];
                cnt <= cnt + 4'd1;
            end
        end
    end
endmodule
