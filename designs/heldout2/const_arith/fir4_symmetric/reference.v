// Fold the symmetric taps first, then two shift-add constant multiplies:
// y = 3*(t0+t3) + 13*(t1+t2) = (p<<1)+p + (q<<3)+(q<<2)+q.
module fir4 (
    input  wire        clk,
    input  wire        rst,
    input  wire        en,
    input  wire [11:0] x,
    output reg  [17:0] y
);
    reg  [11:0] taps [0:3];
    wire [12:0] p = taps[0] + taps[3];
    wire [12:0] q = taps[1] + taps[2];
    wire [17:0] acc = ({4'd0, p, 1'b0} + {5'd0, p}) + ({2'd0, q, 3'b0} + {3'd0, q, 2'b0} + {5'd0, q});
    integer i;
    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < 4; i = i + 1) taps[i] <= 12'd0;
            y <= 18'd0;
        end else if (en) begin
            taps[0] <= x;
            for (i = 1; i < 4; i = i + 1) taps[i] <= taps[i-1];
            y <= acc;
        end
    end
endmodule
