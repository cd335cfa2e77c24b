// Byte-stream ones'-complement checksum (responder side): up to 15 payload bytes
// are summed into a 12-bit accumulator; the carries are folded back into the low
// byte once, when the check byte arrives, and the complement is compared.
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
    reg  [11:0] acc;
    reg  [3:0]  cnt;
    reg  [8:0]  t;
    reg  [7:0]  fold;

    always @* begin
        t    = acc[7:0] + acc[11:8];
        t    = t[7:0] + t[8];
        fold = ~t[7:0];
    end
    assign csum = fold;

    always @(posedge clk) begin
        if (rst || start) begin
            acc  <= 12'd0;
            cnt  <= 4'd0;
            good <= 1'b0;
        end else if (dv) begin
            if (last)
                good <= (fold == d);
            else if (cnt != 4'd15) begin
                acc <= acc + d;
                cnt <= cnt + 4'd1;
            end
        end
    end
endmodule
