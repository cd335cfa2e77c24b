module cnt_bits (
    input        clk,
    input        rst_n,
    input        en,
    output [3:0] q_bits,
    output       tc
);
    reg q0, q1, q2, q3;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            q0 <= 1'b0; q1 <= 1'b0; q2 <= 1'b0; q3 <= 1'b0;
        end else begin
            q0 <= q0 ^ en;
            q1 <= q1 ^ (en & q0);
            q2 <= q2 ^ (en & q0 & q1);
            q3 <= q3 ^ (en & q0 & q1 & q2);
        end
    end

    assign q_bits = {q3, q2, q1, q0};
    assign tc = en & q0 & q1 & q2 & q3;
endmodule
