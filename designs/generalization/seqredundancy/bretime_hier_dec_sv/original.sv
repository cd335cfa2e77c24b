// A burst header register in its own module (always_ff, async active-high
// reset to a nonzero idle header) and a separate decoder module that turns the
// header into a 2-bit burst kind, a 4-bit beat mask and a reserved-bits flag; the parent reads only
// the decoder's outputs.
module hdr_reg (
    input  logic        clk,
    input  logic        rst,
    input  logic        ld,
    input  logic [15:0] hin,
    output logic [15:0] hq
);
    always_ff @(posedge clk or posedge rst) begin
        if (rst)     hq <= 16'h8001;
        else if (ld) hq <= hin;
    end
endmodule

module hdr_dec (
    input  logic [15:0] h,
    output logic [1:0]  kind,
    output logic [3:0]  beats,
    output logic        rsvd
);
    assign kind  = (h[15:12] == 4'hf) ? 2'd3 : h[13:12];
    assign beats = 4'b0001 << (h[1:0] ^ h[3:2]);
    assign rsvd  = |h[11:4];
endmodule

module burst_ctl (
    input  logic        clk,
    input  logic        rst,
    input  logic        ld,
    input  logic [15:0] hin,
    output logic [1:0]  kind,
    output logic [3:0]  beats,
    output logic        rsvd
);
    logic [15:0] hq;
    hdr_reg u_r (.clk(clk), .rst(rst), .ld(ld), .hin(hin), .hq(hq));
    hdr_dec u_d (.h(hq), .kind(kind), .beats(beats), .rsvd(rsvd));
endmodule
