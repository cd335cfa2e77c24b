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
    reg [7:0] stable, stable_n;

    always @* begin
        stable_n = stable;
        if (tick) begin
            if (din != cand)
                stable_n = 8'h00;
            else if (stable < 8'hFF)
                stable_n = stable + 8'd1;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            cand   <= 1'b0;
            stable <= 8'h00;
            dout   <= 1'b0;
        end else begin
            stable <= stable_n;
            if (tick) begin
                if (din != cand)
                    cand <= din;
                if (stable >= N)
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
