// Leading-zero counter for a float normalizer.
module lzc32 (
    input  wire [31:0] din,
    output reg  [5:0]  lz,
    output wire        all_zero
);
    integer i;
    reg found;
    always @* begin
        lz    = 6'd32;
        found = 1'b0;
        for (i = 31; i >= 0; i = i - 1) begin
            if (!found && din[i]) begin
                lz    = 31 - i;
                found = 1'b1;
            end
        end
    end
    assign all_zero = (lz == 6'd32);
endmodule
