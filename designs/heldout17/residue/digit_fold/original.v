// RNS forward converter: a binary sample is split into residues modulo
// three small co-prime moduli for a residue-number-system FIR engine.
module rns_residue #(
    parameter W = 16,
    parameter M = 7,
    parameter RW = 3
) (
    input  wire [W-1:0]  x,
    output wire [RW-1:0] r
);
    assign r = x % M;
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

    rns_residue #(.W(W), .M(3), .RW(2)) u_m3 (.x(x_q), .r(m3));
    rns_residue #(.W(W), .M(5), .RW(3)) u_m5 (.x(x_q), .r(m5));
    rns_residue #(.W(W), .M(7), .RW(3)) u_m7 (.x(x_q), .r(m7));

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
