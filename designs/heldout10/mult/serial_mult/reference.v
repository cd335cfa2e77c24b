// Radix-2 shift-and-add multiplier for a small microcontroller MUL unit:
// one multiplier bit per cycle, W cycles per product.
module smul #(
    parameter W = 16
) (
    input                clk,
    input                rst_n,
    input                start,
    input      [W-1:0]   a,
    input      [W-1:0]   b,
    output               busy,
    output reg           done,
    output reg [2*W-1:0] p
);
    localparam SW = $clog2(W + 1);
    reg [SW-1:0]  step;            // cycles left; busy while non-zero
    reg [2*W-1:0] ma;
    reg [W-1:0]   mb;

    assign busy = (step != {SW{1'b0}});

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            step <= {SW{1'b0}};
            done <= 1'b0;
            ma   <= {2*W{1'b0}};
            mb   <= {W{1'b0}};
            p    <= {2*W{1'b0}};
        end else begin
            done <= 1'b0;
            if (start && !busy) begin
                ma   <= {{W{1'b0}}, a};
                mb   <= b;
                p    <= {2*W{1'b0}};
                step <= W;
            end else if (busy) begin
                if (mb[0]) p <= p + ma;
                ma   <= ma << 1;
                mb   <= mb >> 1;
                step <= step - 1'b1;
                if (step == 1)
                    done <= 1'b1;
            end
        end
    end
endmodule

module mcu_mul (
    input         clk,
    input         rst_n,
    input         go,
    input  [5:0]  x,
    input  [5:0]  y,
    output        busy,
    output        ready,
    output [11:0] prod
);
    smul #(.W(6)) u_mul (
        .clk(clk), .rst_n(rst_n), .start(go), .a(x), .b(y),
        .busy(busy), .done(ready), .p(prod)
    );
endmodule
