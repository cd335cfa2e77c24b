// RNS forward converter: a binary sample is split into residues modulo
// three small co-prime moduli for a residue-number-system FIR engine.
// Reference: 2^K == 1 (mod M), so x mod M is the base-2^K digit sum mod M;
// three folds and a few conditional subtractions replace the divider.
module rns_residue #(
    parameter W = 16,
    parameter M = 7,
    parameter RW = 3,
    parameter K = 3
) (
    input  wire [W-1:0]  x,
    output wire [RW-1:0] r
);
    localparam ND = (W + K - 1) / K;
    localparam [K-1:0] DM = {K{1'b1}};
    reg [7:0] s1, s2, s3;
    integer i;
    always @* begin
        s1 = 8'd0;
        for (i = 0; i < ND; i = i + 1)
            s1 = s1 + ((x >> (i * K)) & DM);
        s2 = 8'd0;
        for (i = 0; i < 8; i = i + K)
            s2 = s2 + ((s1 >> i) & DM);
        s3 = 8'd0;
        for (i = 0; i < 8; i = i + K)
            s3 = s3 + ((s2 >> i) & DM);
        for (i = 0; i < 3; i = i + 1)
            if (s3 >= M) s3 = s3 - M;
    end
    assign r = s3[RW-1:0];
endmodule

module rns_fwd #(
    parameter W = 12
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         vin,
    input  wire [W-1:0] din,
    output reg          vout,
    output reg  [1:0]   r3,
    output reg  [2:0]   r5,
    output reg  [2:0]   r7
);
    reg [W-1:0] x_q;
    reg         v_q;
    wire [1:0] m3;
    wire [2:0] m5, m7;

    always @(posedge clk) begin
        if (rst) begin
            x_q <= {W{1'b0}};
            v_q <= 1'b0;
        end else begin
            v_q <= vin;
            if (vin) x_q <= din;
        end
    end

    rns_residue #(.W(W), .M(3), .RW(2), .K(2)) u_m3 (.x(x_q), .r(m3));
    rns_residue #(.W(W), .M(5), .RW(3), .K(4)) u_m5 (.x(x_q), .r(m5));
    rns_residue #(.W(W), .M(7), .RW(3), .K(3)) u_m7 (.x(x_q), .r(m7));

    always @(posedge clk) begin
        if (rst) begin
            vout <= 1'b0;
            r3 <= 2'd0; r5 <= 3'd0; r7 <= 3'd0;
        end else begin
            vout <= v_q;
            if (v_q) begin
                r3 <= m3; r5 <= m5; r7 <= m7;
            end
        end
    end
endmodule
