// HDLC-style transmit path: a byte serializer (LSB first) feeding a bit
// stuffer that inserts a 0 after RUN consecutive 1s (USB uses 6, HDLC 5).
module byte_ser (
    input            clk,
    input            rst,
    input            load,
    input      [7:0] byte_in,
    input            adv,          // the stuffer took a bit
    output           bit_valid,
    output           bit_out,
    output           byte_ready
);
    reg [7:0] sh;
    reg [3:0] left;                // bits still to send, 0..8

    assign bit_valid  = (left != 0);
    assign bit_out    = sh[0];
    assign byte_ready = (left == 0);

    always @(posedge clk) begin
        if (rst) begin
            sh   <= 8'd0;
            left <= 4'd0;
        end else if (load && left == 0) begin
            sh   <= byte_in;
            left <= 4'd8;
        end else if (adv && left != 0) begin
            sh   <= {1'b0, sh[7:1]};
            left <= left - 4'd1;
        end
    end
endmodule

module bit_stuffer #(
    parameter RUN = 6
) (
    input      clk,
    input      rst,
    input      in_valid,
    input      in_bit,
    output     in_ready,
    output reg out_valid,
    output reg out_bit
);
    localparam OW = $clog2(RUN + 1);
    reg [OW-1:0] ones;               // 0..RUN
    wire    stuff = (ones == RUN);

    assign in_ready = !stuff;

    always @(posedge clk) begin
        if (rst) begin
            ones      <= {OW{1'b0}};
            out_valid <= 1'b0;
            out_bit   <= 1'b1;
        end else if (stuff) begin
            ones      <= {OW{1'b0}};
            out_valid <= 1'b1;
            out_bit   <= 1'b0;
        end else if (in_valid) begin
            ones      <= in_bit ? ones + 1'b1 : {OW{1'b0}};
            out_valid <= 1'b1;
            out_bit   <= in_bit;
        end else begin
            out_valid <= 1'b0;
        end
    end
endmodule

module hdlc_tx (
    input        clk,
    input        rst,
    input        load,
    input  [7:0] data,
    output       ready,
    output       txd_valid,
    output       txd
);
    wire bv, b, take;

    byte_ser u_ser (
        .clk(clk), .rst(rst), .load(load), .byte_in(data),
        .adv(take), .bit_valid(bv), .bit_out(b), .byte_ready(ready)
    );
    bit_stuffer #(.RUN(5)) u_stuff (
        .clk(clk), .rst(rst), .in_valid(bv), .in_bit(b), .in_ready(take),
        .out_valid(txd_valid), .out_bit(txd)
    );
endmodule
