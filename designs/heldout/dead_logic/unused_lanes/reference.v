module lane_checksum #(parameter LANES = 8) (
    input  wire                 clk,
    input  wire                 rst_n,
    input  wire [LANES*8-1:0]   data,
    input  wire                 valid,
    output reg  [9:0]           sum_lo,
    output wire                 any_err
);
    wire [7:0] x0 = data[7:0]   ^ {data[6:0],   data[7]};
    wire [7:0] x1 = data[15:8]  ^ {data[14:8],  data[15]};
    wire [7:0] x2 = data[23:16] ^ {data[22:16], data[23]};
    wire [7:0] x3 = data[31:24] ^ {data[30:24], data[31]};
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            sum_lo <= 10'd0;
        else if (valid)
            sum_lo <= (x0 + x1) + (x2 + x3);
    end
    assign any_err = ^data[7:0] | ^data[15:8] | ^data[23:16] | ^data[31:24];
endmodule
