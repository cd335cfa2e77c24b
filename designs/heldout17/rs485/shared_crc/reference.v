// RS-485 half-duplex link layer: frames are either sent or received, never
// both (the driver-enable flag blocks the receiver); each direction has
// its own CRC-8 engine cleared at the start of its frame.
// Reference: the two engines are never busy together and each is cleared
// before use, so one engine serves both directions.
module crc8_eng #(
    parameter POLY = 8'h07
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       clr,
    input  wire       en,
    input  wire [7:0] din,
    output reg  [7:0] crc
);
    reg [7:0] c;
    integer i;
    always @* begin
        c = crc ^ din;
        for (i = 0; i < 8; i = i + 1)
            c = c[7] ? ((c << 1) ^ POLY) : (c << 1);
    end
    always @(posedge clk) begin
        if (rst || clr) crc <= 8'h00;
        else if (en)    crc <= c;
    end
endmodule

module rs485_link (
    input  wire       clk,
    input  wire       rst,
    input  wire       tx_start,
    input  wire       tx_en,
    input  wire [7:0] tx_byte,
    input  wire       tx_end,
    input  wire       rx_start,
    input  wire       rx_en,
    input  wire [7:0] rx_byte,
    input  wire       rx_end,
    output reg        de,
    output reg        rx_busy,
    output reg  [7:0] fcs,
    output reg        fcs_vld,
    output reg        rx_ok,
    output reg        rx_done
);
    wire [7:0] crc;
    wire tx_go = tx_start && !de && !rx_busy;
    wire rx_go = rx_start && !tx_start && !de && !rx_busy;
    crc8_eng #(.POLY(8'h31)) u_crc (.clk(clk), .rst(rst), .clr(tx_go || rx_go),
                                    .en((de && tx_en) || (rx_busy && rx_en)),
                                    .din(de ? tx_byte : rx_byte), .crc(crc));
    always @(posedge clk) begin
        if (rst) begin
            de <= 1'b0; rx_busy <= 1'b0;
            fcs <= 8'h00; fcs_vld <= 1'b0; rx_ok <= 1'b0; rx_done <= 1'b0;
        end else begin
            fcs_vld <= 1'b0;
            rx_done <= 1'b0;
            if (tx_go) de <= 1'b1;
            else if (de && tx_end) begin
                de <= 1'b0;
                fcs <= crc;
                fcs_vld <= 1'b1;
            end
            if (rx_go) rx_busy <= 1'b1;
            else if (rx_busy && rx_end) begin
                rx_busy <= 1'b0;
                rx_ok   <= (crc == 8'h00);
                rx_done <= 1'b1;
            end
        end
    end
endmodule
