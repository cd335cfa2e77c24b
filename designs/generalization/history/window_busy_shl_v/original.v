// Bus activity monitor: two request channels, each "busy" while a request was
// seen in one of its last WIN sample ticks. The history is shifted left by a
// shift operator and ORed with the new request; busy tests the window against 0.
module act_window #(
    parameter WIN = 8
) (
    input  wire clk,
    input  wire rst_n,
    input  wire tick,
    input  wire req,
    output wire busy
);
    reg [WIN-1:0] seen;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)
            seen <= {WIN{1'b0}};
        else if (tick)
            seen <= (seen << 1) | req;
    assign busy = seen != {WIN{1'b0}};
endmodule

module bus_monitor (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       tick,
    input  wire [1:0] req,
    input  wire [7:0] addr,
    output wire [1:0] busy,
    output reg  [7:0] last_addr
);
    act_window #(.WIN(10)) u_a (.clk(clk), .rst_n(rst_n), .tick(tick), .req(req[0]), .busy(busy[0]));
    act_window #(.WIN(5))  u_b (.clk(clk), .rst_n(rst_n), .tick(1'b1), .req(req[1] & tick), .busy(busy[1]));
    always @(posedge clk or negedge rst_n)
        if (!rst_n)             last_addr <= 8'h00;
        else if (|req)          last_addr <= addr;
endmodule
