// Exposure histogram for an image sensor: each valid pixel increments the
// saturating counter of its brightness bin; the ISP reads bins back.
module bin_index #(
    parameter int PW = 8,
    parameter int NB = 8
) (
    input  logic [PW-1:0]         pix,
    output logic [$clog2(NB)-1:0] bin
);
    assign bin = pix[PW-1 -: $clog2(NB)];
endmodule

module histo_bins #(
    parameter int NB = 8,
    parameter int CW = 16
) (
    input  logic                   clk,
    input  logic                   rst,
    input  logic                   clr,
    input  logic                   vld,
    input  logic [$clog2(NB)-1:0]  bin,
    input  logic [$clog2(NB)-1:0]  rd_bin,
    output logic [CW-1:0]          rd_cnt
);
    logic [CW-1:0] cnt [NB];
    always_ff @(posedge clk) begin
        for (int i = 0; i < NB; i++) begin
            if (rst || clr)
                cnt[i] <= '0;
            else if (vld && bin == i && cnt[i] != '1)
                cnt[i] <= cnt[i] + 1'b1;
        end
    end
    assign rd_cnt = cnt[rd_bin];
endmodule

module exposure_histo #(
    parameter int PW = 8,
    parameter int NB = 8,
    parameter int CW = 16
) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic                  frame_start,
    input  logic                  pix_vld,
    input  logic [PW-1:0]         pix,
    input  logic [$clog2(NB)-1:0] rd_bin,
    output logic [CW-1:0]         rd_cnt
);
    logic [$clog2(NB)-1:0] bin;
    bin_index  #(.PW(PW), .NB(NB)) u_idx (.pix, .bin);
    histo_bins #(.NB(NB), .CW(CW)) u_bins (.clk, .rst, .clr(frame_start), .vld(pix_vld), .bin, .rd_bin, .rd_cnt);
endmodule

module isp_histo (
    input  logic        clk,
    input  logic        rst,
    input  logic        frame_start,
    input  logic        pix_vld,
    input  logic [9:0]  pix,
    input  logic [2:0]  rd_bin,
    output logic [11:0] rd_cnt
);
    exposure_histo #(.PW(10), .NB(8), .CW(12)) u_h (.*);
endmodule
