module phase_ring (
    input        clk,
    input        rst,
    input        step,
    input  [7:0] a, b, c, d,
    output [7:0] y
);
    reg p0, p1, p2, p3, p4;   // p4: spare phase, never entered

    always @(posedge clk) begin
        if (rst) begin
            p0 <= 1'b1; p1 <= 1'b0; p2 <= 1'b0; p3 <= 1'b0; p4 <= 1'b0;
        end else if (step) begin
            p0 <= p3 | p4;
            p1 <= p0;
            p2 <= p1;
            p3 <= p2;
            p4 <= p4 & p0;
        end
    end

    assign y = ({8{p0}} & a) | ({8{p1}} & b) | ({8{p2}} & c) | ({8{p3}} & d) | ({8{p4}} & (a ^ d));
endmodule
