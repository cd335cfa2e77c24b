// Debouncer: counts consecutive samples equal to the candidate level and
// takes the level once N of them were seen. The count saturates at 8'hFF.
// Two-process style: the count's next value is computed in an always @* block.
module debounce #(parameter N = 100) (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire din,
    output reg  dout
);
    reg       cand;
    reg [2:0] stable;


    always @(posedge clk) begin
        if (rst) begin
            cand   <= 1'b0;
            stable <= 3'd0;
            dout   <= 1'b0;
        end else begin
            begin
                if (tick) begin
                    if (din != cand)
                        stable <= 3'd0;
                    else if (stable < 8'hFF)
                        stable <= (stable == 3'd5) ? stable : stable + 1'b1;
                end
            end
            if (tick) begin
                if (din != cand)
                    cand <= din;
                if (stable >= 3'd5)
                    dout <= cand;
            end
        end
    end
endmodule

module debounce_top (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire [1:0] keys,
    output wire [1:0] clean
);
    debounce #(.N(5)) d0 (.clk(clk), .rst(rst), .tick(tick), .din(keys[0]), .dout(clean[0]));
    debounce #(.N(5)) d1 (.clk(clk), .rst(rst), .tick(tick), .din(keys[1]), .dout(clean[1]));
endmodule
