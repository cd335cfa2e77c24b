module thresh_ctl (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [7:0] level,
    output reg        alarm,
    output reg        warn,
    output reg  [1:0] zone
);
    wire hi = level > 8'd200;
    wire lo = level > 8'd40;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            alarm <= 1'b0;
            warn  <= 1'b0;
            zone  <= 2'd0;
        end else begin
            alarm <= hi;
            warn  <= lo & ~hi;
            zone  <= {lo, hi};
        end
    end
endmodule
