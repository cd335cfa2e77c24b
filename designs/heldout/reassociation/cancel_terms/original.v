module delta_calc (
    input  wire        clk,
    input  wire        rst,
    input  wire [15:0] cur,
    input  wire [15:0] ref_v,
    input  wire [15:0] bias,
    output reg  [15:0] delta,
    output reg  [15:0] level
);
    reg [15:0] t0, t1;
    always @(*) begin
        t0 = cur + bias;
        t1 = t0 - bias;                 // == cur
        t1 = t1 - ref_v + ref_v - ref_v; // == cur - ref_v
    end
    always @(posedge clk) begin
        if (rst) begin
            delta <= 16'd0;
            level <= 16'd0;
        end else begin
            delta <= t1;
            level <= (t0 - cur) + (level - level) + t1 + ref_v;   // bias + cur
        end
    end
endmodule
