// Signed saturating gain trim (SystemVerilog): a saturating subtractor and a
// saturating adder as separate modules (procedural bodies, typed signed
// ports); a continuous ternary keeps one result, so only one unit is needed.
module trim_sub #(
    parameter int N = 8
) (
    input  logic signed [N-1:0] x,
    input  logic signed [N-1:0] k,
    output logic signed [N-1:0] o,
    output logic                clip
);
    logic signed [N:0] diff;
    always_comb begin
        diff = x - k;
        clip = diff[N] ^ diff[N-1];
        if (!clip)        o = diff[N-1:0];
        else if (diff[N]) o = {1'b1, {(N-1){1'b0}}};
        else              o = {1'b0, {(N-1){1'b1}}};
    end
endmodule

module trim_add #(
    parameter int N = 8
) (
    input  logic signed [N-1:0] x,
    input  logic signed [N-1:0] k,
    output logic signed [N-1:0] o,
    output logic                clip
);
    logic signed [N:0] sum;
    always_comb begin
        sum = x + k;
        clip = sum[N] ^ sum[N-1];
        if (!clip)       o = sum[N-1:0];
        else if (sum[N]) o = {1'b1, {(N-1){1'b0}}};
        else             o = {1'b0, {(N-1){1'b1}}};
    end
endmodule

module gain_trim (
    input  logic              clk,
    input  logic              up,
    input  logic signed [9:0] level,
    input  logic signed [9:0] step,
    output logic signed [9:0] trimmed,
    output logic              clipped
);
    logic signed [9:0] o_dn, o_up;
    logic              c_dn, c_up;

    trim_sub #(.N(10)) u_dn (.x(level), .k(step), .o(o_dn), .clip(c_dn));
    trim_add #(.N(10)) u_up (.x(level), .k(step), .o(o_up), .clip(c_up));

    logic signed [9:0] pick;
    logic              pclip;
    assign pick  = up ? o_up : o_dn;
    assign pclip = up ? c_up : c_dn;

    always_ff @(posedge clk) begin
        trimmed <= pick;
        clipped <= pclip;
    end
endmodule
