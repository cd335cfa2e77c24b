// Debouncer: counts consecutive samples equal to the candidate level and
// takes the level once N of them were seen. Reference: the count saturates at N = 5.
module debounce (
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
        end else if (tick) begin
            if (din != cand) begin
                cand   <= din;
                stable <= 3'd0;
            end else if (stable != 3'd5) begin
                stable <= stable + 3'd1;
            end
            if (stable == 3'd5)
                dout <= cand;
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
    debounce d0 (.clk(clk), .rst(rst), .tick(tick), .din(keys[0]), .dout(clean[0]));
    debounce d1 (.clk(clk), .rst(rst), .tick(tick), .din(keys[1]), .dout(clean[1]));
endmodule
