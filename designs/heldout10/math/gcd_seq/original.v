// Sequential GCD (Euclid by subtraction) with a start/done handshake.
module gcd_core #(
    parameter W = 16
) (
    input              clk,
    input              rst,
    input              start,
    input      [W-1:0] a_in,
    input      [W-1:0] b_in,
    output reg         busy,
    output reg         done,
    output reg [W-1:0] result
);
    reg [W-1:0] a, b;

    always @(posedge clk) begin
        if (rst) begin
            a      <= {W{1'b0}};
            b      <= {W{1'b0}};
            busy   <= 1'b0;
            done   <= 1'b0;
            result <= {W{1'b0}};
        end else begin
            done <= 1'b0;
            if (!busy) begin
                if (start) begin
                    a    <= a_in;
                    b    <= b_in;
                    busy <= 1'b1;
                end
            end else if (a == b) begin
                result <= a;
                done   <= 1'b1;
                busy   <= 1'b0;
            end else if (a > b) begin
                a <= a - b;
            end else begin
                b <= b - a;
            end
        end
    end
endmodule

module gcd_unit (
    input         clk,
    input         rst,
    input         req,
    input  [9:0]  x,
    input  [9:0]  y,
    output        ack,
    output [9:0]  g,
    output        busy
);
    gcd_core #(.W(10)) u_core (
        .clk(clk), .rst(rst), .start(req), .a_in(x), .b_in(y),
        .busy(busy), .done(ack), .result(g)
    );
endmodule
