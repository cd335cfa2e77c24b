// Two clock-enable prescalers from one divider module: the count register was sized generously
// (16 bits) and counts up while it is below DIV-1, then wraps and raises the enable for one cycle.
module prescaler (clk, srst, run, ce);
    parameter DIV = 100;
    input      clk, srst, run;
    output reg ce;

    reg [15:0] count;

    always @(posedge clk)
        if (srst) begin
            count <= 16'd0;
            ce    <= 1'b0;
        end else if (run) begin
            if (count < DIV - 1) begin
                count <= count + 1'b1;
                ce    <= 1'b0;
            end else begin
                count <= 16'd0;
                ce    <= 1'b1;
            end
        end else
            ce <= 1'b0;
endmodule

module dual_prescaler (clk, srst, run, ce_fast, ce_slow);
    input  clk, srst, run;
    output ce_fast, ce_slow;

    prescaler #(12)   u_fast (clk, srst, run, ce_fast);
    prescaler #(1000) u_slow (clk, srst, run, ce_slow);
endmodule
