// UART-lite: one baud prescaler in the top feeds both sides.
module utx (
    input            clk,
    input            rst,
    input            tick,
    input            load,
    input      [7:0] data,
    output           txd
);
    reg [8:0] sh;
    always @(posedge clk) begin
        if (rst)       sh <= 9'h1ff;
        else if (load) sh <= {data, 1'b0};
        else if (tick) sh <= {1'b1, sh[8:1]};
    end
    assign txd = sh[0];
endmodule

module urx (
    input            clk,
    input            rst,
    input            tick,
    input            rxd,
    output reg [7:0] word
);
    always @(posedge clk) begin
        if (rst)       word <= 8'd0;
        else if (tick) word <= {rxd, word[7:1]};
    end
endmodule

module uart_lite (
    input        clk,
    input        rst,
    input        load,
    input  [7:0] data,
    input        rxd,
    output       txd,
    output [7:0] word
);
    reg  [15:0] baud;
    wire        tick = (baud == 16'd25);
    always @(posedge clk) begin
        if (rst) baud <= 16'd0;
        else     baud <= tick ? 16'd0 : baud + 16'd1;
    end
    utx u_tx (.clk(clk), .rst(rst), .tick(tick), .load(load), .data(data), .txd(txd));
    urx u_rx (.clk(clk), .rst(rst), .tick(tick), .rxd(rxd), .word(word));
endmodule
