// Real-time clock for a small appliance: prescaler from the slow clock
// enable, then seconds, minutes and hours with set inputs. Written with
// integer counters.
module rtc_prescale #(
    parameter DIV = 32768
) (
    input  wire clk,
    input  wire rst,
    input  wire ce,
    output wire sec_tick
);
    integer cnt;

    assign sec_tick = ce && (cnt == DIV - 1);

    always @(posedge clk) begin
        if (rst)
            cnt <= 0;
        else if (ce)
            cnt <= (cnt == DIV - 1) ? 0 : cnt + 1;
    end
endmodule

module rtc_time #(
    parameter H24 = 1
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       sec_tick,
    input  wire       set_min,
    input  wire       set_hour,
    output wire [5:0] sec,
    output wire [5:0] min,
    output wire [4:0] hour
);
    integer s, m, h;
    localparam HMAX = H24 ? 23 : 11;

    always @(posedge clk) begin
        if (rst) begin
            s <= 0;
            m <= 0;
            h <= 0;
        end else begin
            if (set_min)
                m <= (m == 59) ? 0 : m + 1;
            if (set_hour)
                h <= (h == HMAX) ? 0 : h + 1;
            if (sec_tick && !set_min && !set_hour) begin
                if (s == 59) begin
                    s <= 0;
                    if (m == 59) begin
                        m <= 0;
                        h <= (h == HMAX) ? 0 : h + 1;
                    end else begin
                        m <= m + 1;
                    end
                end else begin
                    s <= s + 1;
                end
            end
        end
    end

    assign sec  = s[5:0];
    assign min  = m[5:0];
    assign hour = h[4:0];
endmodule

module appliance_rtc (
    input  wire       clk,
    input  wire       rst,
    input  wire       ce,
    input  wire       set_min,
    input  wire       set_hour,
    output wire [5:0] sec,
    output wire [5:0] min,
    output wire [4:0] hour
);
    wire sec_tick;
    rtc_prescale #(.DIV(50)) u_pre (.clk(clk), .rst(rst), .ce(ce), .sec_tick(sec_tick));
    rtc_time #(.H24(0)) u_time (
        .clk(clk), .rst(rst), .sec_tick(sec_tick), .set_min(set_min), .set_hour(set_hour),
        .sec(sec), .min(min), .hour(hour)
    );
endmodule
