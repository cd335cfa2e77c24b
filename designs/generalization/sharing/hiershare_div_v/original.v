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
    lane_avg u_l0 (.clk(clk), .rst(rst), .smp(smp0), .vld(vld0), .pub(pub0), .avg(avg0));
    lane_avg u_l1 (.clk(clk), .rst(rst), .smp(smp1), .vld(vld1), .pub(pub1), .avg(avg1));
endmodule
