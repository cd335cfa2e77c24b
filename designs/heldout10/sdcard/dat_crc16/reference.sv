// SD 4-bit data bus: one CRC16-CCITT register per DAT line; the four lanes are
// started and clocked together, so one block counter / active / done serves all.
module crc16_lane (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        start,
    input  logic        step,
    input  logic        d,
    output logic [15:0] crc
);
    function automatic logic [15:0] crc16_bit(input logic [15:0] c, input logic b);
        logic fb;
        fb = c[15] ^ b;
        crc16_bit = {c[14:12], c[11] ^ fb, c[10:5], c[4] ^ fb, c[3:0], fb};
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            crc <= '0;
        else if (start)
            crc <= '0;
        else if (step)
            crc <= crc16_bit(crc, d);
    end
endmodule

module sd_dat_crc #(
    parameter int BLK = 1024
) (
    input  logic             clk,
    input  logic             rst_n,
    input  logic             start,
    input  logic             valid,
    input  logic [3:0]       dat,
    output logic [3:0][15:0] crc,
    output logic             done
);
    logic [$clog2(BLK)-1:0] cnt;
    logic                   active;
    logic                   step;

    assign step = active && valid;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt    <= '0;
            active <= 1'b0;
            done   <= 1'b0;
        end else begin
            done <= 1'b0;
            if (start) begin
                cnt    <= '0;
                active <= 1'b1;
            end else if (step) begin
                cnt <= cnt + 1'b1;
                if (cnt == BLK - 1) begin
                    active <= 1'b0;
                    done   <= 1'b1;
                end
            end
        end
    end

    for (genvar i = 0; i < 4; i++) begin : g_lane
        crc16_lane u_lane (
            .clk, .rst_n, .start, .step,
            .d(dat[i]), .crc(crc[i])
        );
    end
endmodule

module sd_dat_top (
    input  logic             clk,
    input  logic             rst_n,
    input  logic             blk_start,
    input  logic             nib_valid,
    input  logic [3:0]       dat,
    output logic [3:0][15:0] crc,
    output logic             blk_done
);
    sd_dat_crc #(.BLK(64)) u_crc (
        .clk, .rst_n, .start(blk_start), .valid(nib_valid),
        .dat, .crc, .done(blk_done)
    );
endmodule
