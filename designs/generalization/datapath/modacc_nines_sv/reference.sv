// Reference: the digit sum is kept modulo 9 (a 4-bit residue plus a digit below
// 16 is below 24: two conditional subtractions), so no wide register and no
// remainder unit.
module nines_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clr,
    input  logic       dig_v,
    input  logic [3:0] dig,
    input  logic       eos,
    output logic       div9,
    output logic [3:0] resid
);
    logic [3:0] r;
    logic [4:0] n;
    logic [4:0] s0, s1, s2;

    always_comb begin
        s0 = r + dig;
        s1 = (s0 >= 5'd9) ? s0 - 5'd9 : s0;
        s2 = (s1 >= 5'd9) ? s1 - 5'd9 : s1;
    end
    assign resid = r;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            r    <= '0;
            n    <= '0;
            div9 <= 1'b0;
        end else if (clr) begin
            r    <= '0;
            n    <= '0;
            div9 <= 1'b0;
        end else if (eos) begin
            div9 <= (r == 4'd0);
        end else if (dig_v && n != 5'd31) begin
            r <= s2[3:0];
            n <= n + 5'd1;
        end
    end
endmodule
