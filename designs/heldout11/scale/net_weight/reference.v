// Reference: one W+1-bit subtraction gross - tare gives the borrow (negative),
// the clamped net and the overload test (difference > MAX with no borrow),
// instead of a comparator, a subtractor, an adder and a second comparator.
module scale_top (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        sample,
    input  wire [13:0] gross,
    input  wire [13:0] tare,
    output reg  [13:0] disp,
    output reg         neg_lamp,
    output reg         ovl_lamp
);
    wire [14:0] diff = {1'b0, gross} - {1'b0, tare};
    wire        negative = diff[14];
    wire        over = !negative && (diff[13:0] > 14'd12000);

    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            disp <= 14'd0; neg_lamp <= 1'b0; ovl_lamp <= 1'b0;
        end else if (sample) begin
            disp <= negative ? 14'd0 : diff[13:0];
            neg_lamp <= negative;
            ovl_lamp <= over;
        end
endmodule
