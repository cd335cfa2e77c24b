// Word serializer: a controller counts the bit position over a frame of NB
// bytes, and the shifter keeps its own bit-in-byte counter to mark byte ends.
// Both restart on 'start' and advance on the same shift strobe, so the
// shifter's counter always equals the low three bits of the controller's.
module ser_ctl #(
    parameter NB = 4,
    parameter PW = 8
) (
    input  wire clk,
    input  wire rst,
    input  wire start,
    input  wire shift,
    output reg  busy,
    output wire last
);
    reg [PW-1:0] pos;

    assign last = busy && shift && (pos == 8 * NB - 1);

    always @(posedge clk) begin
        if (rst) begin
            busy <= 1'b0;
            pos  <= {PW{1'b0}};
        end else if (start && !busy) begin
            busy <= 1'b1;
            pos  <= {PW{1'b0}};
        end else if (busy && shift) begin
            if (pos == 8 * NB - 1) begin
                busy <= 1'b0;
                pos  <= {PW{1'b0}};
            end else begin
                pos <= pos + 1'b1;
            end
        end
    end
endmodule

module ser_shift #(
    parameter W = 32
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         start,
    input  wire         busy,
    input  wire         shift,
    input  wire [W-1:0] word,
    output wire         sdo,
    output wire         byte_end
);
    reg [W-1:0] sr;
    reg [2:0]   nbit;

    assign sdo      = sr[W-1];
    assign byte_end = busy && shift && (nbit == 3'd7);

    always @(posedge clk) begin
        if (rst) begin
            sr   <= {W{1'b0}};
            nbit <= 3'd0;
        end else if (start && !busy) begin
            sr   <= word;
            nbit <= 3'd0;
        end else if (busy && shift) begin
            sr   <= {sr[W-2:0], 1'b0};
            nbit <= nbit + 3'd1;
        end
    end
endmodule

module ser_core #(
    parameter NB = 4
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          start,
    input  wire          shift,
    input  wire [8*NB-1:0] word,
    output wire          busy,
    output wire          last,
    output wire          sdo,
    output wire          byte_end
);
    ser_ctl #(.NB(NB)) u_ctl (
        .clk(clk), .rst(rst), .start(start), .shift(shift), .busy(busy), .last(last)
    );
    ser_shift #(.W(8 * NB)) u_sh (
        .clk(clk), .rst(rst), .start(start), .busy(busy), .shift(shift), .word(word),
        .sdo(sdo), .byte_end(byte_end)
    );
endmodule

module ser_top (
    input  wire        clk,
    input  wire        rst,
    input  wire        start,
    input  wire        shift,
    input  wire [23:0] word,
    output wire        busy,
    output wire        last,
    output wire        sdo,
    output wire        byte_end
);
    ser_core #(.NB(3)) u_core (
        .clk(clk), .rst(rst), .start(start), .shift(shift), .word(word),
        .busy(busy), .last(last), .sdo(sdo), .byte_end(byte_end)
    );
endmodule
