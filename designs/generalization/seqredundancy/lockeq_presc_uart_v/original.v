// UART-lite: the transmitter and the receiver are different modules, each with
// its own 16-bit baud prescaler counting to DIV-1 from reset (the upper bits
// never leave 0 at DIV = 26); both run free, so they are always equal.
module utx #(parameter DIV = 26) (
    input            clk,
    input            rst,
    input            load,
    input      [7:0] data,
    output           txd
);
    reg [15:0] baud;
    reg [8:0]  sh;
    wire       tick = (baud == DIV - 1);

    always @(posedge clk) begin
        if (rst) begin
            baud <= 16'd0;
            sh   <= 9'h1ff;
        end else begin
            baud <= tick ? 16'd0 : baud + 16'd1;
            if (load)      sh <= {data, 1'b0};
            else if (tick) sh <= {1'b1, sh[8:1]};
        end
    end
    assign txd = sh[0];
endmodule

module urx #(parameter DIV = 26) (
    input            clk,
    input            rst,
    input            rxd,
    output reg [7:0] word
);
    reg [15:0] baud;
    wire       tick = (baud == DIV - 1);

    always @(posedge clk) begin
        if (rst) begin
            baud <= 16'd0;
            word <= 8'd0;
        end else begin
            baud <= tick ? 16'd0 : baud + 16'd1;
            if (tick) word <= {rxd, word[7:1]};
        end
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
    utx #(.DIV(26)) u_tx (.clk(clk), .rst(rst), .load(load), .data(data), .txd(txd));
    urx #(.DIV(26)) u_rx (.clk(clk), .rst(rst), .rxd(rxd), .word(word));
endmodule
