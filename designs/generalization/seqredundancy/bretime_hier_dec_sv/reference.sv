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
    hdr_reg_rtlopt_iu_r u_r (.clk(clk), .rst(rst), .ld(ld), .hin(hin), .u_d_kind(kind), .u_d_beats(beats), .u_d_rsvd(rsvd));
endmodule

module hdr_reg_rtlopt_iu_r (
    input  logic        clk,
    input  logic        rst,
    input  logic        ld,
    input  logic [15:0] hin,
    output wire [1:0] u_d_kind,
    output wire [3:0] u_d_beats,
    output wire u_d_rsvd
);
    logic [1:0] hq_f0;
    logic [3:0] hq_f1;
    logic hq_f2;
    assign u_d_kind  = hq_f0;
    assign u_d_beats = hq_f1;
    assign u_d_rsvd  = hq_f2;
    always_ff @(posedge clk or posedge rst) begin
        if (rst)     begin hq_f0 <= (4'h8 == 4'hf) ? 2'd3 : 2'h0; hq_f1 <= 4'b0001 << (2'h1 ^ 2'h0); hq_f2 <= |8'h0; end
        else if (ld) begin hq_f0 <= (hin[15:12] == 4'hf) ? 2'd3 : hin[13:12]; hq_f1 <= 4'b0001 << (hin[1:0] ^ hin[3:2]); hq_f2 <= |hin[11:4]; end
    end
endmodule
