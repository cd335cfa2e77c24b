// Event counter; the debug port reads the counter itself.
module counter_shadow (
    input             clk,
    input             rst,
    input             evt,
    input             clr,
    output reg [15:0] count,
    output     [15:0] dbg_count,
    output            wrap
);
    always @(posedge clk) begin
        if (rst || clr)
            count <= 16'd0;
        else if (evt)
            count <= count + 16'd1;
    end

    assign dbg_count = count;
    assign wrap = evt && (count == 16'hFFFF);
endmodule
