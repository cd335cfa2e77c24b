// Line-mode selector: a 2-bit mode register stepped by 'adv', saturating at 2.
// The mode 3 branch (CRC loopback) was left in from an older spec.
module uart_mode_sel (
    input  wire        clk,
    input  wire        rst,
    input  wire        adv,
    input  wire [15:0] din,
    output reg  [15:0] dout
);
    reg [1:0]  mode;
    reg [15:0] crc;

    always @(posedge clk) begin
        if (rst)
            mode <= 2'd0;
        else if (adv && mode != 2'd2)
            mode <= mode + 2'd1;
    end

    // CRC-16 style shift, only used in loopback mode
    wire [15:0] crc_next = {crc[14:0], 1'b0} ^ (crc[15] ? 16'h1021 : 16'h0000) ^ din;
    always @(posedge clk) begin
        if (rst)
            crc <= 16'hFFFF;
        else if (mode == 2'd3)
            crc <= crc_next;
    end

    always @(posedge clk) begin
        if (rst)
            dout <= 16'd0;
        else begin
            case (mode)
                2'd0: dout <= din;
                2'd1: dout <= {din[7:0], din[15:8]};
                2'd2: dout <= ~din;
                2'd3: dout <= crc ^ din;
            endcase
        end
    end
endmodule
