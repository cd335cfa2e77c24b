// Threshold-crossing counter for a tachometer input: counts upward crossings of a
// level; only "previous sample at or below the level" is kept.
module cross_count #(
    parameter W  = 10,
    parameter TH = 300
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          stb,
    input  wire [W-1:0]  din,
    output reg  [7:0]    crossings
);
    reg last_low;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            last_low  <= ({W{1'b1}} <= TH);
            crossings <= 8'd0;
        end else if (stb) begin
            last_low <= (din <= TH);
            if (last_low && (din > TH))
                crossings <= crossings + 8'd1;
        end
    end
endmodule

module tacho (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        stb,
    input  wire [11:0] sample,
    output wire [7:0]  revs
);
    cross_count #(.W(12), .TH(2047)) u_cc (.clk(clk), .rst_n(rst_n), .stb(stb), .din(sample), .crossings(revs));
endmodule
