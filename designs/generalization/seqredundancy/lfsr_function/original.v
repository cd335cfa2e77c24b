module lfsr_pair (
    input         clk,
    input         rst,
    input         adv,
    input  [15:0] data,
    output [15:0] scrambled,
    output [15:0] chk_state
);
    function [15:0] lfsr_next(input [15:0] s);
        lfsr_next = {s[14:0], s[15] ^ s[13] ^ s[12] ^ s[10]};
    endfunction

    reg [15:0] lfsr_a;
    reg [15:0] lfsr_b;

    always @(posedge clk) begin
        if (rst) lfsr_a <= 16'hACE1;
        else if (adv) lfsr_a <= lfsr_next(lfsr_a);
    end

    always @(posedge clk) begin
        if (rst) lfsr_b <= 16'hACE1;
        else if (adv) begin
            lfsr_b[15:1] <= lfsr_b[14:0];
            lfsr_b[0]    <= ^{lfsr_b[15], lfsr_b[13], lfsr_b[12], lfsr_b[10]};
        end
    end

    assign scrambled = data ^ lfsr_a;
    assign chk_state = lfsr_b;
endmodule
