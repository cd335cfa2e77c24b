// Heartbeat supervisor: each monitored subsystem must toggle its heartbeat
// line at least once every TMO milliseconds. The free-running millisecond
// prescaler is the same in every channel, so one is shared.
module ms_prescaler #(
    parameter PRE = 50000
) (
    input  clk,
    input  rst,
    output tick
);
    reg [15:0] pre;
    assign tick = (pre == PRE - 1);
    always @(posedge clk) begin
        if (rst) pre <= 16'd0;
        else     pre <= tick ? 16'd0 : pre + 16'd1;
    end
endmodule

module hb_chan #(
    parameter TMO = 100        // ms
) (
    input      clk,
    input      rst,
    input      ms_tick,
    input      hb,
    output reg dead
);
    reg [7:0]  ms;
    reg        hb_q;
    wire       beat = hb ^ hb_q;

    always @(posedge clk) begin
        if (rst) begin
            ms   <= 8'd0;
            hb_q <= 1'b0;
            dead <= 1'b0;
        end else begin
            hb_q <= hb;
            if (beat) begin
                ms   <= 8'd0;
                dead <= 1'b0;
            end else if (ms_tick) begin
                if (ms == TMO - 1)
                    dead <= 1'b1;
                else
                    ms <= ms + 8'd1;
            end
        end
    end
endmodule

module hb_supervisor (
    input        clk,
    input        rst,
    input  [2:0] hb,
    output [2:0] dead,
    output       any_dead
);
    wire tick;
    ms_prescaler #(.PRE(24)) u_pre (.clk(clk), .rst(rst), .tick(tick));
    hb_chan #(.TMO(20)) u_c0 (.clk(clk), .rst(rst), .ms_tick(tick), .hb(hb[0]), .dead(dead[0]));
    hb_chan #(.TMO(20)) u_c1 (.clk(clk), .rst(rst), .ms_tick(tick), .hb(hb[1]), .dead(dead[1]));
    hb_chan #(.TMO(20)) u_c2 (.clk(clk), .rst(rst), .ms_tick(tick), .hb(hb[2]), .dead(dead[2]));
    assign any_dead = |dead;
endmodule
