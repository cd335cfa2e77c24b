// Two baud-rate tick generators from one clock: the same divider module, instantiated with
// different divide ratios.
module tick_gen #(
    parameter DIV = 100
) (
    input  wire clk,
    input  wire rst,
    input  wire en,
    output reg  tick
);
    reg [31:0] cnt;

    always @(posedge clk) begin
        if (rst) begin
            cnt  <= 32'd0;
            tick <= 1'b0;
        end else begin
            tick <= 1'b0;
            if (en) begin
                if (cnt >= DIV - 1) begin
                    cnt  <= 32'd0;
                    tick <= 1'b1;
                end else begin
                    cnt <= cnt + 32'd1;
                end
            end
        end
    end
endmodule

module baud_ticks (
    input  wire clk,
    input  wire rst,
    input  wire en,
    output wire tick_fast,
    output wire tick_slow
);
    tick_gen #(.DIV(16))   u_fast (.clk(clk), .rst(rst), .en(en), .tick(tick_fast));
    tick_gen #(.DIV(1250)) u_slow (.clk(clk), .rst(rst), .en(en), .tick(tick_slow));
endmodule
