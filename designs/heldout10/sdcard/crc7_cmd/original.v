// SD card command line transmitter: shifts out a command frame MSB first,
// appends the CRC7 of the payload and the end bit.
module crc7_step (
    input  [6:0] crc,
    input        d,
    output [6:0] nxt
);
    wire fb = crc[6] ^ d;
    assign nxt = {crc[5:3], crc[2] ^ fb, crc[1:0], fb};
endmodule

module sd_cmd_tx #(
    parameter NBITS = 136          // R2-size frame by default
) (
    input                  clk,
    input                  rst_n,
    input                  start,
    input  [NBITS-9:0]     payload,
    output reg             cmd,
    output reg             busy
);
    localparam PL = NBITS - 8;

    reg [15:0]   cnt;
    reg [PL-1:0] sh;
    reg [6:0]    crc;
    wire [6:0]   crc_n;

    crc7_step u_crc (.crc(crc), .d(sh[PL-1]), .nxt(crc_n));

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt  <= 16'd0;
            sh   <= {PL{1'b0}};
            crc  <= 7'd0;
            busy <= 1'b0;
            cmd  <= 1'b1;
        end else if (!busy) begin
            cmd <= 1'b1;
            if (start) begin
                busy <= 1'b1;
                sh   <= payload;
                crc  <= 7'd0;
                cnt  <= 16'd0;
            end
        end else begin
            cnt <= cnt + 16'd1;
            if (cnt < PL) begin
                cmd <= sh[PL-1];
                sh  <= {sh[PL-2:0], 1'b0};
                crc <= crc_n;
            end else if (cnt < NBITS - 1) begin
                cmd <= crc[6];
                crc <= {crc[5:0], 1'b0};
            end else begin
                cmd  <= 1'b1;
                busy <= 1'b0;
            end
        end
    end
endmodule

module sd_cmd_top (
    input         clk,
    input         rst_n,
    input         go,
    input  [5:0]  index,
    input  [31:0] arg,
    output        cmd_line,
    output        cmd_busy
);
    sd_cmd_tx #(.NBITS(48)) u_tx (
        .clk(clk), .rst_n(rst_n), .start(go),
        .payload({2'b01, index, arg}),
        .cmd(cmd_line), .busy(cmd_busy)
    );
endmodule
