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
    output reg           busy,
    output reg           done,
    output reg [2*W-1:0] p
);
    reg [7:0]     step;
    reg [2*W-1:0] ma;
    reg [W-1:0]   mb;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            step <= 8'd0;
            busy <= 1'b0;
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
                busy <= 1'b1;
            end else if (busy) begin
                if (mb[0]) p <= p + ma;
                ma   <= ma << 1;
                mb   <= mb >> 1;
                step <= step - 8'd1;
                if (step == 8'd1) begin
                    busy <= 1'b0;
                    done <= 1'b1;
                end
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
