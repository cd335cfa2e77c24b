// Fan tachometer capture: each channel counts the cycles since its last
// edge (that is ts - last), so neither the timestamp nor the last capture
// is kept and no subtractor is needed.
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
    output reg  [TW-1:0] period,
    output reg           upd
);
    wire         fall;
    reg [TW-1:0] since;
    tach_edge u_e (.clk(clk), .rst(rst), .tach(tach), .fall(fall));
    always @(posedge clk)
        if (rst) begin
            since <= {TW{1'b0}}; period <= {TW{1'b0}}; upd <= 1'b0;
        end else begin
            upd <= fall;
            if (fall) begin
                period <= since;
                since  <= {{(TW-1){1'b0}}, 1'b1};
            end else
                since  <= since + 1'b1;
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
    tach_chan #(.TW(16)) u_c0 (.clk(clk), .rst(rst), .tach(tach0), .period(per0), .upd(upd0));
    tach_chan #(.TW(16)) u_c1 (.clk(clk), .rst(rst), .tach(tach1), .period(per1), .upd(upd1));
endmodule
