module sample_hold (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        cap,
    input  wire        cap_alt,
    input  wire        freeze,
    input  wire [15:0] adc,
    output reg  [15:0] held,
    output reg  [15:0] prev
);
    wire load = (cap | cap_alt) & ~freeze;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            held <= 16'd0;
            prev <= 16'd0;
        end else begin
            if (cap & ~freeze)
                held <= adc;
            else if (cap_alt & ~freeze)
                held <= adc;
            else if (freeze)
                held <= held;
            else
                held <= held;

            prev <= load ? held : prev;
        end
    end
endmodule
