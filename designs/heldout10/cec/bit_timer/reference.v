// HDMI CEC receive bit timer: measures the low time of each bit on the CEC
// line in 50 us ticks and classifies it as start bit, logic 0 or logic 1.
module cec_tick #(
    parameter DIV = 1350           // 27 MHz / 1350 = 50 us
) (
    input      clk,
    input      rst,
    output reg tick
);
    localparam PW = $clog2(DIV);
    reg [PW-1:0] pre;
    always @(posedge clk) begin
        if (rst) begin
            pre  <= {PW{1'b0}};
            tick <= 1'b0;
        end else if (pre == DIV - 1) begin
            pre  <= {PW{1'b0}};
            tick <= 1'b1;
        end else begin
            pre  <= pre + 1'b1;
            tick <= 1'b0;
        end
    end
endmodule

module cec_low_meter #(
    parameter MAXT = 255
) (
    input             clk,
    input             rst,
    input             tick,
    input             line,        // synchronised CEC line
    output reg        rise,        // low phase ended this cycle
    output     [15:0] low_t        // ticks spent low (saturating)
);
    localparam TW = $clog2(MAXT + 1);
    reg line_q;
    reg [TW-1:0] t;
    reg [TW-1:0] low_q;
    assign low_t = {{(16-TW){1'b0}}, low_q};
    always @(posedge clk) begin
        if (rst) begin
            line_q <= 1'b1;
            t      <= {TW{1'b0}};
            low_q  <= {TW{1'b0}};
            rise   <= 1'b0;
        end else begin
            line_q <= line;
            rise   <= 1'b0;
            if (line_q && !line) begin
                t <= {TW{1'b0}};
            end else if (!line_q && line) begin
                low_q <= t;
                rise  <= 1'b1;
            end else if (!line && tick && t != MAXT) begin
                t <= t + 1'b1;
            end
        end
    end
endmodule

module cec_bit_rx (
    input      clk,
    input      rst,
    input      cec_in,
    output reg bit_valid,
    output reg bit_val,
    output reg start_bit,
    output reg err
);
    wire       tick;
    wire       rise;
    wire [15:0] low_t;

    cec_tick #(.DIV(20)) u_tick (.clk(clk), .rst(rst), .tick(tick));
    cec_low_meter #(.MAXT(90)) u_meter (
        .clk(clk), .rst(rst), .tick(tick), .line(cec_in),
        .rise(rise), .low_t(low_t)
    );

    always @(posedge clk) begin
        if (rst) begin
            bit_valid <= 1'b0;
            bit_val   <= 1'b0;
            start_bit <= 1'b0;
            err       <= 1'b0;
        end else begin
            bit_valid <= 1'b0;
            start_bit <= 1'b0;
            err       <= 1'b0;
            if (rise) begin
                if (low_t >= 16'd70 && low_t <= 16'd78)
                    start_bit <= 1'b1;
                else if (low_t >= 16'd26 && low_t <= 16'd34) begin
                    bit_valid <= 1'b1;
                    bit_val   <= 1'b0;
                end else if (low_t >= 16'd8 && low_t <= 16'd16) begin
                    bit_valid <= 1'b1;
                    bit_val   <= 1'b1;
                end else
                    err <= 1'b1;
            end
        end
    end
endmodule
