module sample_avg (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        en,
    input  wire [7:0]  s0,
    input  wire [7:0]  s1,
    input  wire [7:0]  s2,
    input  wire [7:0]  s3,
    output reg  [7:0]  avg,
    output wire [31:0] total
);
    wire [9:0] sum = (s0 + s1) + (s2 + s3);
    reg  [1:0] lsb;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            avg <= 8'd0;
            lsb <= 2'd0;
        end else if (en) begin
            avg <= sum[9:2];
            lsb <= sum[1:0];
        end
    end
    assign total = {22'd0, avg, lsb};
endmodule
