module scaler_core (
    input  wire [11:0] x,
    input  wire [3:0]  gain,
    input  wire [1:0]  shift,
    output wire [15:0] y
);
    wire [15:0] prod = x * gain;
    assign y = prod >> shift;
endmodule

module scaler_top (
    input  wire        clk,
    input  wire        rst,
    input  wire [11:0] sample,
    input  wire        smp_vld,
    output reg  [15:0] out
);
    // calibration registers: loaded once at reset, this product never reprograms them
    reg [3:0] gain_r;
    reg [1:0] sh_r;
    always @(posedge clk) begin
        if (rst) begin
            gain_r <= 4'd5;
            sh_r   <= 2'd1;
        end
    end

    wire [15:0] y;
    scaler_core u_core (.x(sample), .gain(gain_r), .shift(sh_r), .y(y));

    always @(posedge clk) begin
        if (rst)
            out <= 16'd0;
        else if (smp_vld)
            out <= y;
    end
endmodule
