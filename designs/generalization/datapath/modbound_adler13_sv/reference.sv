// Reference: a, b < 13 from reset; a + nib < 28 needs two conditional
// subtractions, b + a_n < 26 one; the registers are 4 bits.
module adler13 (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic       nv,
    input  logic [3:0] nib,
    output logic [7:0] chk
);
    logic [3:0] a, b;
    logic [4:0] s, s1, t;
    logic [3:0] a_n, b_n;

    always_comb begin
        s   = a + nib;
        s1  = (s >= 5'd13) ? s - 5'd13 : s;
        a_n = (s1 >= 5'd13) ? 4'(s1 - 5'd13) : s1[3:0];
        t   = b + a_n;
        b_n = (t >= 5'd13) ? 4'(t - 5'd13) : t[3:0];
    end

    always_ff @(posedge clk) begin
        if (rst || start) begin
            a <= 4'd1;
            b <= 4'd0;
        end else if (nv) begin
            a <= a_n;
            b <= b_n;
        end
    end

    assign chk = {b, a};
endmodule
