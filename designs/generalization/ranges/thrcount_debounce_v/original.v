// Debouncer: counts consecutive samples equal to the candidate level and
// takes the level once N of them were seen. The count saturates at 8'hFF.
module debounce #(parameter N = 100) (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire din,
    output reg  dout
);
    reg       cand;
    reg [7:0] stable;

    always @(posedge clk) begin
        if (rst) begin
            cand   <= 1'b0;
            stable <= 8'h00;
            dout   <= 1'b0;
        end else if (tick) begin
            if (din != cand) begin
                cand   <= din;
                stable <= 8'h00;
            end else if (stable < 8'hFF) begin
                stable <= stable + 8'd1;
            end
            if (stable >= N)
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
    debounce #(.N(5)) d0 (.clk(clk), .rst(rst), .tick(tick), .din(keys[0]), .dout(clean[0]));
    debounce #(.N(5)) d1 (.clk(clk), .rst(rst), .tick(tick), .din(keys[1]), .dout(clean[1]));
endmodule
