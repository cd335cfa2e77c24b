// Heartbeat supervisor: each monitored subsystem must toggle its heartbeat
// line at least once every TMO milliseconds. Every channel has its own
// millisecond prescaler and timeout counter.
module hb_chan #(
    parameter PRE = 50000,     // clocks per ms
    parameter TMO = 100        // ms
) (
    input      clk,
    input      rst,
    input      hb,
    output reg dead
);
    reg [15:0] pre;
    reg [7:0]  ms;
    reg        hb_q;
    wire       ms_tick = (pre == PRE - 1);
    wire       beat    = hb ^ hb_q;

    always @(posedge clk) begin
        if (rst) begin
            pre  <= 16'd0;
            ms   <= 8'd0;
            hb_q <= 1'b0;
            dead <= 1'b0;
        end else begin
            hb_q <= hb;
            pre  <= ms_tick ? 16'd0 : pre + 16'd1;
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
    hb_chan #(.PRE(24), .TMO(20)) u_c0 (.clk(clk), .rst(rst), .hb(hb[0]), .dead(dead[0]));
    hb_chan #(.PRE(24), .TMO(20)) u_c1 (.clk(clk), .rst(rst), .hb(hb[1]), .dead(dead[1]));
    hb_chan #(.PRE(24), .TMO(20)) u_c2 (.clk(clk), .rst(rst), .hb(hb[2]), .dead(dead[2]));
    assign any_dead = |dead;
endmodule
