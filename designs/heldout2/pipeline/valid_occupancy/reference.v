// busy == |vld and inflight == popcount(vld) at every cycle from reset: derive them.
module pipe4 (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_vld,
    input  wire [15:0] in_data,
    output wire        out_vld,
    output wire [15:0] out_data,
    output wire        busy,
    output wire [2:0]  inflight
);
    reg [3:0]  vld;
    reg [15:0] d0, d1, d2, d3;
    always @(posedge clk) begin
        if (rst) vld <= 4'd0;
        else     vld <= {vld[2:0], in_vld};
    end
    always @(posedge clk) begin
        if (rst) begin
            d0 <= 16'd0; d1 <= 16'd0; d2 <= 16'd0; d3 <= 16'd0;
        end else begin
        if (in_vld) d0 <= in_data;
        if (vld[0]) d1 <= d0 + {d0[14:0], 1'b0};
        if (vld[1]) d2 <= d1 ^ {d1[7:0], d1[15:8]};
        if (vld[2]) d3 <= d2 + 16'h1234;
        end
    end
    assign busy     = |vld;
    assign inflight = (vld[0] + vld[1]) + (vld[2] + vld[3]);
    assign out_vld  = vld[3];
    assign out_data = d3;
endmodule
