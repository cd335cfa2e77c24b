// SD 4-bit data bus: one CRC16-CCITT generator per DAT line, each with its own
// block bit counter (all four lanes are started and clocked together).
module crc16_lane #(
    parameter int BLK = 1024             // bits per lane per block
) (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        start,
    input  logic        valid,
    input  logic        d,
    output logic [15:0] crc,
    output logic        done
);
    logic [$clog2(BLK)-1:0] cnt;
    logic                   active;

    function automatic logic [15:0] crc16_bit(input logic [15:0] c, input logic b);
        logic fb;
        fb = c[15] ^ b;
        crc16_bit = {c[14:12], c[11] ^ fb, c[10:5], c[4] ^ fb, c[3:0], fb};
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt    <= '0;
            active <= 1'b0;
            crc    <= '0;
            done   <= 1'b0;
        end else begin
            done <= 1'b0;
            if (start) begin
                cnt    <= '0;
                active <= 1'b1;
                crc    <= '0;
            end else if (active && valid) begin
                crc <= crc16_bit(crc, d);
                cnt <= cnt + 1'b1;
                if (cnt == BLK - 1) begin
                    active <= 1'b0;
                    done   <= 1'b1;
                end
            end
        end
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
    logic [3:0] lane_done;

    for (genvar i = 0; i < 4; i++) begin : g_lane
        crc16_lane #(.BLK(BLK)) u_lane (
            .clk, .rst_n, .start, .valid,
            .d(dat[i]), .crc(crc[i]), .done(lane_done[i])
        );
    end

    assign done = &lane_done;
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
