// Event counter; a second copy was added later for the debug bus.
module counter_shadow (
    input             clk,
    input             rst,
    input             evt,
    input             clr,
    output reg [15:0] count,
    output     [15:0] dbg_count,
    output            wrap
);
    reg [15:0] shadow;

    always @(posedge clk) begin
        if (rst || clr)
            count <= 16'd0;
        else if (evt)
            count <= count + 16'd1;
    end

    // debug shadow: same event, same clear
    always @(posedge clk) begin
        if (rst)
            shadow <= 16'h0000;
        else if (clr)
            shadow <= 16'h0000;
        else if (evt)
            shadow <= shadow - (-16'sd1);
    end

    assign dbg_count = shadow;
    assign wrap = evt && (shadow == 16'hFFFF);
endmodule
