// Parity kept in a register: on every shift the new word enters and the oldest word leaves.
module stage_parity (
    input  wire        clk,
    input  wire        arst,
    input  wire        en,
    input  wire [11:0] d,
    output wire [11:0] tail,
    output reg         chk
);
    reg [11:0] s0, s1, s2;
    always @(posedge clk or posedge arst)
        if (arst) begin
            s0  <= 12'h000;
            s1  <= 12'h000;
            s2  <= 12'h000;
            chk <= 1'b0;
        end else if (en) begin
            s0  <= d;
            s1  <= s0;
            s2  <= s1;
            chk <= chk ^ (^d) ^ (^s2);
        end
    assign tail = s2;
endmodule
