// Word serializer, hand-optimized: the shifter takes its bit-in-byte position
// from the controller's bit counter instead of counting the same strobes.
module ser_ctl #(
    parameter NB = 4,
    parameter PW = 8
) (
    input  wire clk,
    input  wire rst,
    input  wire start,
    input  wire shift,
    output reg  busy,
    output wire last,
    output wire [2:0] bit_idx
);
    reg [PW-1:0] pos;

    assign last    = busy && shift && (pos == 8 * NB - 1);
    assign bit_idx = pos[2:0];

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
    input  wire [2:0]   nbit,
    output wire         sdo,
    output wire         byte_end
);
    reg [W-1:0] sr;

    assign sdo      = sr[W-1];
    assign byte_end = busy && shift && (nbit == 3'd7);

    always @(posedge clk) begin
        if (rst) begin
            sr <= {W{1'b0}};
        end else if (start && !busy) begin
            sr <= word;
        end else if (busy && shift) begin
            sr <= {sr[W-2:0], 1'b0};
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
    wire [2:0] bit_idx;

    ser_ctl #(.NB(NB)) u_ctl (
        .clk(clk), .rst(rst), .start(start), .shift(shift), .busy(busy), .last(last),
        .bit_idx(bit_idx)
    );
    ser_shift #(.W(8 * NB)) u_sh (
        .clk(clk), .rst(rst), .start(start), .busy(busy), .shift(shift), .word(word),
        .nbit(bit_idx), .sdo(sdo), .byte_end(byte_end)
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
