module delta_calc (
    input  wire        clk,
    input  wire        rst,
    input  wire [15:0] cur,
    input  wire [15:0] ref_v,
    input  wire [15:0] bias,
    output reg  [15:0] delta,
    output reg  [15:0] level
);
    always @(posedge clk) begin
        if (rst) begin
            delta <= 16'd0;
            level <= 16'd0;
        end else begin
            delta <= cur - ref_v;
            level <= cur + bias;
        end
    end
endmodule
