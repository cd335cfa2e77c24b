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
    integer av_cnt;     // -1 = AV interval not running
    integer rp_cnt;     //  0 = not refractory

    always @(posedge clk) begin
        if (rst) begin
            av_cnt <= -1;
            rp_cnt <= 0;
            v_pace <= 1'b0;
        end else begin
            v_pace <= 1'b0;
            if (tick && rp_cnt != 0)
                rp_cnt <= rp_cnt - 1;
            if (a_event && av_cnt < 0 && rp_cnt == 0)
                av_cnt <= 0;
            else if (av_cnt >= 0) begin
                if (v_sense && rp_cnt == 0) begin
                    av_cnt <= -1;
                    rp_cnt <= VRP;
                end else if (tick) begin
                    if (av_cnt == AVI - 1) begin
                        av_cnt <= -1;
                        v_pace <= 1'b1;
                        rp_cnt <= VRP;
                    end else
                        av_cnt <= av_cnt + 1;
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
