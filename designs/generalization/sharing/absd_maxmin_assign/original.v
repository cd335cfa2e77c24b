// Hysteresis check of a 16-bit sensor reading against the last reported value: the change is
// the larger minus the smaller of the two.
module change_det (
    input  wire [15:0] reading,
    input  wire [15:0] last,
    input  wire [15:0] thresh,
    output wire [15:0] delta,
    output wire        report
);
    wire [15:0] hi = (reading > last) ? reading : last;
    wire [15:0] lo = (reading > last) ? last : reading;
    assign delta  = hi - lo;
    assign report = delta > thresh;
endmodule
