// Dual-lane average: each lane accumulates samples and, on its publish strobe, stores the sum
// divided by its sample count (zero for an empty lane). A phase bit alternates the publish strobes
// between the lanes, so the two dividers are never needed in the same cycle.
module lane_avg (clk, rst, smp, vld, pub, avg);
    input clk;
    input rst;
    input [5:0] smp;
    input vld;
    input pub;
    output [9:0] avg;
    reg [9:0] avg;
    reg [9:0] sum;
    reg [3:0] cnt;
    reg [9:0] mean;
    always @* begin
        if (cnt == 4'd0) mean = 10'd0;
        else             mean = sum / cnt;
    end
    always @(posedge clk) begin
        if (rst) begin
            sum <= 10'd0; cnt <= 4'd0; avg <= 10'd0;
        end else if (pub) begin
            avg <= mean;
            sum <= 10'd0; cnt <= 4'd0;
        end else if (vld) begin
            sum <= sum + smp;
            cnt <= cnt + 4'd1;
        end
    end
endmodule

module dual_avg (clk, rst, go, smp0, smp1, vld0, vld1, avg0, avg1);
    wire [9:0] rtlopt_hs0_0a;
    wire [3:0] rtlopt_hs0_0b;
    wire [9:0] rtlopt_hs0_0y;
    wire [9:0] rtlopt_hs0_1a;
    wire [3:0] rtlopt_hs0_1b;
    wire [9:0] rtlopt_hs0_1y;
    wire [9:0] rtlopt_hs0_a;
    wire [3:0] rtlopt_hs0_b;
    wire [9:0] rtlopt_hs0_y;

    input clk, rst, go;
    input [5:0] smp0, smp1;
    input vld0, vld1;
    output [9:0] avg0, avg1;
    reg phase;
    always @(posedge clk)
        if (rst) phase <= 1'b0;
        else if (go) phase <= !phase;
    wire pub0 = go & ~phase;
    wire pub1 = go & phase;
    lane_avg_rtlopt_iu_l0 u_l0 (.clk(clk), .rst(rst), .smp(smp0), .vld(vld0), .pub(pub0), .avg(avg0), .rtlopt_hs0_0a(rtlopt_hs0_0a), .rtlopt_hs0_0b(rtlopt_hs0_0b), .rtlopt_hs0_0y(rtlopt_hs0_0y));
    lane_avg_rtlopt_iu_l1 u_l1 (.clk(clk), .rst(rst), .smp(smp1), .vld(vld1), .pub(pub1), .avg(avg1), .rtlopt_hs0_1a(rtlopt_hs0_1a), .rtlopt_hs0_1b(rtlopt_hs0_1b), .rtlopt_hs0_1y(rtlopt_hs0_1y));
    assign rtlopt_hs0_0y = rtlopt_hs0_y[9:0];
    assign rtlopt_hs0_1y = rtlopt_hs0_y[9:0];
    assign rtlopt_hs0_a = pub0 ? rtlopt_hs0_0a : rtlopt_hs0_1a;
    assign rtlopt_hs0_b = pub0 ? rtlopt_hs0_0b : rtlopt_hs0_1b;
    assign rtlopt_hs0_y = rtlopt_hs0_a / rtlopt_hs0_b;
endmodule

module lane_avg_rtlopt_iu_l0 (clk, rst, smp, vld, pub, avg, rtlopt_hs0_0a, rtlopt_hs0_0b, rtlopt_hs0_0y);
    output wire [9:0] rtlopt_hs0_0a;
    output wire [3:0] rtlopt_hs0_0b;
    input wire [9:0] rtlopt_hs0_0y;

    input clk;
    input rst;
    input [5:0] smp;
    input vld;
    input pub;
    output [9:0] avg;
    reg [9:0] avg;
    reg [9:0] sum;
    reg [3:0] cnt;
    reg [9:0] mean;
    always @* begin
        if (cnt == 4'd0) mean = 10'd0;
        else             mean = rtlopt_hs0_0y;
    end
    always @(posedge clk) begin
        if (rst) begin
            sum <= 10'd0; cnt <= 4'd0; avg <= 10'd0;
        end else if (pub) begin
            avg <= mean;
            sum <= 10'd0; cnt <= 4'd0;
        end else if (vld) begin
            sum <= sum + smp;
            cnt <= cnt + 4'd1;
        end
    end
    assign rtlopt_hs0_0a = $unsigned(sum);
    assign rtlopt_hs0_0b = $unsigned(cnt);
endmodule

module lane_avg_rtlopt_iu_l1 (clk, rst, smp, vld, pub, avg, rtlopt_hs0_1a, rtlopt_hs0_1b, rtlopt_hs0_1y);
    output wire [9:0] rtlopt_hs0_1a;
    output wire [3:0] rtlopt_hs0_1b;
    input wire [9:0] rtlopt_hs0_1y;

    input clk;
    input rst;
    input [5:0] smp;
    input vld;
    input pub;
    output [9:0] avg;
    reg [9:0] avg;
    reg [9:0] sum;
    reg [3:0] cnt;
    reg [9:0] mean;
    always @* begin
        if (cnt == 4'd0) mean = 10'd0;
        else             mean = rtlopt_hs0_1y;
    end
    always @(posedge clk) begin
        if (rst) begin
            sum <= 10'd0; cnt <= 4'd0; avg <= 10'd0;
        end else if (pub) begin
            avg <= mean;
            sum <= 10'd0; cnt <= 4'd0;
        end else if (vld) begin
            sum <= sum + smp;
            cnt <= cnt + 4'd1;
        end
    end
    assign rtlopt_hs0_1a = $unsigned(sum);
    assign rtlopt_hs0_1b = $unsigned(cnt);
endmodule
