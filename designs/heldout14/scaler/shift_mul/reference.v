// Fixed-point range scaler for a sensor front end (hand-optimized): the raw sample is
// multiplied by one of four (2^k + 1) gains picked by the range register,
// and a registered offset is added.
module range_gain #(
    parameter W = 12
) (
    input  wire [W-1:0]   x,
    input  wire [1:0]     range_sel,
    output reg  [W+4:0]   y
);
    // every gain is 2^(sel+1) + 1: one shifter and one adder
    always @(*) begin
        y = {5'd0, x} + ({5'd0, x} << (range_sel + 3'd1));
    end
endmodule

module sensor_scale #(
    parameter W = 12
) (
    input  wire           clk,
    input  wire           rst,
    input  wire           cfg_we,
    input  wire [1:0]     cfg_range,
    input  wire [W+4:0]   cfg_offset,
    input  wire           in_vld,
    input  wire [W-1:0]   in_data,
    output reg            out_vld,
    output reg  [W+4:0]   out_data
);
    reg  [1:0]   range_q;
    reg  [W+4:0] offset_q;
    wire [W+4:0] scaled;

    range_gain #(.W(W)) u_gain (.x(in_data), .range_sel(range_q), .y(scaled));

    always @(posedge clk) begin
        if (rst) begin
            range_q  <= 2'd0;
            offset_q <= {W+5{1'b0}};
            out_vld  <= 1'b0;
            out_data <= {W+5{1'b0}};
        end else begin
            if (cfg_we) begin
                range_q  <= cfg_range;
                offset_q <= cfg_offset;
            end
            out_vld <= in_vld;
            if (in_vld)
                out_data <= scaled + offset_q;
        end
    end
endmodule

module afe_scaler (
    input  wire        clk,
    input  wire        rst,
    input  wire        cfg_we,
    input  wire [1:0]  cfg_range,
    input  wire [14:0] cfg_offset,
    input  wire        in_vld,
    input  wire [9:0]  in_data,
    output wire        out_vld,
    output wire [14:0] out_data
);
    sensor_scale #(.W(10)) u_sc (
        .clk(clk), .rst(rst), .cfg_we(cfg_we), .cfg_range(cfg_range), .cfg_offset(cfg_offset),
        .in_vld(in_vld), .in_data(in_data), .out_vld(out_vld), .out_data(out_data)
    );
endmodule
