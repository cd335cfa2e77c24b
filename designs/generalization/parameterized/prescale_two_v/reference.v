// Two clock-enable prescalers: each count register as wide as its divider needs; it counts up
// until it reaches DIV-1 (one equality), then wraps and raises the enable for one cycle.
module prescaler (clk, srst, run, ce);
    parameter DIV = 100;
    input      clk, srst, run;
    output reg ce;

    localparam CW = (DIV > 1) ? $clog2(DIV) : 1;
    reg [CW-1:0] count;

    always @(posedge clk)
        if (srst) begin
            count <= {CW{1'b0}};
            ce    <= 1'b0;
        end else if (run) begin
            if (count != DIV - 1) begin
                count <= count + 1'b1;
                ce    <= 1'b0;
            end else begin
                count <= {CW{1'b0}};
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
