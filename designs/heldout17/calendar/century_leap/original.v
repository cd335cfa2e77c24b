// Real-time-clock calendar: a day strobe advances day/month/year; the year
// runs from the reset year to LAST_YEAR and then rolls over to FIRST_YEAR.
// February's length follows the full Gregorian leap-year rule.
module rtc_tick #(
    parameter DIV = 32768
) (
    input  wire clk,
    input  wire rst,
    output wire tick
);
    reg [15:0] c;
    assign tick = (c == DIV - 1);
    always @(posedge clk) begin
        if (rst || tick) c <= 16'd0;
        else             c <= c + 16'd1;
    end
endmodule

module rtc_date #(
    parameter FIRST_YEAR = 1970,
    parameter LAST_YEAR  = 2037,
    parameter RST_YEAR   = 1970
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        day_tick,
    output reg  [4:0]  day,
    output reg  [3:0]  month,
    output reg  [11:0] year,
    output wire        leap
);
    reg [4:0] mdays;
    assign leap = (year % 4 == 0) && ((year % 100 != 0) || (year % 400 == 0));
    always @* begin
        case (month)
            4'd2:                       mdays = leap ? 5'd29 : 5'd28;
            4'd4, 4'd6, 4'd9, 4'd11:    mdays = 5'd30;
            default:                    mdays = 5'd31;
        endcase
    end
    always @(posedge clk) begin
        if (rst) begin
            day <= 5'd1; month <= 4'd1; year <= RST_YEAR;
        end else if (day_tick) begin
            if (day != mdays) begin
                day <= day + 5'd1;
            end else begin
                day <= 5'd1;
                if (month != 4'd12) begin
                    month <= month + 4'd1;
                end else begin
                    month <= 4'd1;
                    year  <= (year == LAST_YEAR) ? FIRST_YEAR : year + 12'd1;
                end
            end
        end
    end
endmodule

module rtc_cal (
    input  wire        clk,
    input  wire        rst,
    output wire [4:0]  day,
    output wire [3:0]  month,
    output wire [11:0] year,
    output wire        leap
);
    wire tick;
    rtc_tick #(.DIV(5)) u_tick (.clk(clk), .rst(rst), .tick(tick));
    rtc_date #(.FIRST_YEAR(2000), .LAST_YEAR(2099), .RST_YEAR(2024))
        u_date (.clk(clk), .rst(rst), .day_tick(tick), .day(day), .month(month), .year(year), .leap(leap));
endmodule
