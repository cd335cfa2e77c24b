// Execute stage of a small 8/16-bit microcontroller core: the ALU result is
// registered together with the condition flags. Z and N are computed from the
// ALU output and registered in the flags register like the C and V flags.
module exec_stage #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst_n,
    input  wire         ex_en,
    input  wire [2:0]   op,       // 0 add 1 sub 2 and 3 or 4 xor 5 shl 6 shr 7 pass b
    input  wire [W-1:0] a,
    input  wire [W-1:0] b,
    output reg  [W-1:0] res_q,
    output reg          z_q,
    output reg          n_q,
    output reg          c_q,
    output reg          v_q
);
    reg [W:0] r;
    reg       v;

    always @(*) begin
        v = 1'b0;
        case (op)
            3'd0: begin r = {1'b0, a} + {1'b0, b}; v = (a[W-1] == b[W-1]) && (r[W-1] != a[W-1]); end
            3'd1: begin r = {1'b0, a} - {1'b0, b}; v = (a[W-1] != b[W-1]) && (r[W-1] != a[W-1]); end
            3'd2: r = {1'b0, a & b};
            3'd3: r = {1'b0, a | b};
            3'd4: r = {1'b0, a ^ b};
            3'd5: r = {a, 1'b0};
            3'd6: r = {a[0], 1'b0, a[W-1:1]};
            default: r = {1'b0, b};
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            res_q <= {W{1'b0}};
            z_q   <= 1'b1;
            n_q   <= 1'b0;
            c_q   <= 1'b0;
            v_q   <= 1'b0;
        end else if (ex_en) begin
            res_q <= r[W-1:0];
            z_q   <= (r[W-1:0] == {W{1'b0}});
            n_q   <= r[W-1];
            c_q   <= r[W];
            v_q   <= v;
        end
    end
endmodule

module mcu_ex (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        ex_en,
    input  wire [2:0]  op,
    input  wire [11:0] a,
    input  wire [11:0] b,
    output wire [11:0] res_q,
    output wire        z_q,
    output wire        n_q,
    output wire        c_q,
    output wire        v_q
);
    exec_stage #(.W(12)) u_ex (.clk(clk), .rst_n(rst_n), .ex_en(ex_en), .op(op), .a(a), .b(b),
        .res_q(res_q), .z_q(z_q), .n_q(n_q), .c_q(c_q), .v_q(v_q));
endmodule
