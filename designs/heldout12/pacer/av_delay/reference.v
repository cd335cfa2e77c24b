// Dual-chamber pacemaker timing core (tick = 1 ms): after an atrial event
// the AV interval runs; if no ventricular sense arrives the ventricle is
// paced. A ventricular refractory period blanks the sense input afterwards.
module av_timer #(
    parameter AVI = 200,   // AV interval, ticks
    parameter VRP = 300    // ventricular refractory period, ticks
) (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire a_event,   // atrial sense or pace
    input  wire v_sense,
    output reg  v_pace,
    output wire refractory
);
    // the counters only hold 0..AVI-1 and 0..VRP: size them so, with a run
    // flag in place of the -1 "not running" value
    localparam AW = $clog2(AVI);
    localparam RW = $clog2(VRP + 1);
    reg          av_run;
    reg [AW-1:0] av_cnt;
    reg [RW-1:0] rp_cnt;

    always @(posedge clk) begin
        if (rst) begin
            av_run <= 1'b0;
            av_cnt <= {AW{1'b0}};
            rp_cnt <= {RW{1'b0}};
            v_pace <= 1'b0;
        end else begin
            v_pace <= 1'b0;
            if (tick && rp_cnt != 0)
                rp_cnt <= rp_cnt - 1'b1;
            if (a_event && !av_run && rp_cnt == 0) begin
                av_run <= 1'b1;
                av_cnt <= {AW{1'b0}};
            end else if (av_run) begin
                if (v_sense && rp_cnt == 0) begin
                    av_run <= 1'b0;
                    rp_cnt <= VRP;
                end else if (tick) begin
                    if (av_cnt == AVI - 1) begin
                        av_run <= 1'b0;
                        v_pace <= 1'b1;
                        rp_cnt <= VRP;
                    end else
                        av_cnt <= av_cnt + 1'b1;
                end
            end
        end
    end
    assign refractory = (rp_cnt != 0);
endmodule

module pacer_core (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire a_event,
    input  wire v_sense,
    output wire v_pace,
    output wire refractory
);
    av_timer #(.AVI(150), .VRP(250)) u_av (.clk(clk), .rst(rst), .tick(tick), .a_event(a_event),
                                          .v_sense(v_sense), .v_pace(v_pace), .refractory(refractory));
endmodule
