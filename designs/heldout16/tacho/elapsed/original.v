// Fan tachometer capture: a free-running timestamp counter is shared by
// the channels; each tach edge captures the timestamp and the period is
// the difference to the previous capture.
module ts_counter #(
    parameter TW = 24
) (
    input  wire          clk,
    input  wire          rst,
    output reg  [TW-1:0] ts
);
    always @(posedge clk)
        if (rst) ts <= {TW{1'b0}};
        else     ts <= ts + 1'b1;
endmodule

module tach_edge (
    input  wire clk,
    input  wire rst,
    input  wire tach,
    output wire fall
);
    reg [2:0] s;
    always @(posedge clk)
        if (rst) s <= 3'b000;
        else     s <= {s[1:0], tach};
    assign fall = s[2] & ~s[1];
endmodule

module tach_chan #(
    parameter TW = 24
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          tach,
    input  wire [TW-1:0] ts,
    output reg  [TW-1:0] period,
    output reg           upd
);
    wire         fall;
    reg [TW-1:0] last;
    tach_edge u_e (.clk(clk), .rst(rst), .tach(tach), .fall(fall));
    always @(posedge clk)
        if (rst) begin
            last <= {TW{1'b0}}; period <= {TW{1'b0}}; upd <= 1'b0;
        end else begin
            upd <= fall;
            if (fall) begin
                period <= ts - last;
                last   <= ts;
            end
        end
endmodule

module fan_tacho (
    input  wire        clk,
    input  wire        rst,
    input  wire        tach0,
    input  wire        tach1,
    output wire [15:0] per0,
    output wire [15:0] per1,
    output wire        upd0,
    output wire        upd1
);
    wire [15:0] ts;
    ts_counter #(.TW(16)) u_ts (.clk(clk), .rst(rst), .ts(ts));
    tach_chan  #(.TW(16)) u_c0 (.clk(clk), .rst(rst), .tach(tach0), .ts(ts), .period(per0), .upd(upd0));
    tach_chan  #(.TW(16)) u_c1 (.clk(clk), .rst(rst), .tach(tach1), .ts(ts), .period(per1), .upd(upd1));
endmodule
