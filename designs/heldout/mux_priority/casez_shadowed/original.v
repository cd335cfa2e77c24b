module irq_vector (
    input  wire [7:0] pend,
    input  wire [7:0] mask,
    output reg  [2:0] vec,
    output reg        valid
);
    wire [7:0] act = pend & ~mask;
    always @(*) begin
        valid = 1'b1;
        casez (act)
            8'b???????1: vec = 3'd0;
            8'b??????10: vec = 3'd1;
            8'b?????100: vec = 3'd2;
            8'b????1000: vec = 3'd3;
            8'b???10000: vec = 3'd4;
            8'b??100000: vec = 3'd5;
            8'b?1000000: vec = 3'd6;
            8'b10000000: vec = 3'd7;
            // legacy entries kept from the 4-source version, all shadowed above
            8'b???????1: vec = 3'd7;
            8'b??????11: vec = 3'd1;
            8'b00000011: vec = 3'd2;
            default: begin
                vec   = 3'd0;
                valid = 1'b0;
            end
        endcase
    end
endmodule
