// Hysteresis check of a 16-bit sensor reading against the last reported value.
// |reading - last|: one 17-bit subtraction whose borrow decides a conditional negate.
module change_det (
    input  wire [15:0] reading,
    input  wire [15:0] last,
    input  wire [15:0] thresh,
    output wire [15:0] delta,
    output wire        report
);
    wire [16:0] d = {1'b0, reading} - {1'b0, last};
    assign delta  = d[16] ? (~d[15:0] + 1'b1) : d[15:0];
    assign report = delta > thresh;
endmodule
