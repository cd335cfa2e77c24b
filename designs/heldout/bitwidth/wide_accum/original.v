module sample_avg (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        en,
    input  wire [7:0]  s0,
    input  wire [7:0]  s1,
    input  wire [7:0]  s2,
    input  wire [7:0]  s3,
    output reg  [7:0]  avg,
    output reg  [31:0] total
);
    reg [31:0] sum;
    always @(*) begin
        sum = 32'd0;
        sum = sum + {24'd0, s0};
        sum = sum + {24'd0, s1};
        sum = sum + {24'd0, s2};
        sum = sum + {24'd0, s3};
    end
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            avg   <= 8'd0;
            total <= 32'd0;
        end else if (en) begin
            avg   <= sum[9:2];
            total <= sum;
        end
    end
endmodule
