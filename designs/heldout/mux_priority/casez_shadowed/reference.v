module irq_vector (
    input  wire [7:0] pend,
    input  wire [7:0] mask,
    output reg  [2:0] vec,
    output wire       valid
);
    wire [7:0] act = pend & ~mask;
    assign valid = |act;
    always @(*) begin
        casez (act)
            8'b???????1: vec = 3'd0;
            8'b??????10: vec = 3'd1;
            8'b?????100: vec = 3'd2;
            8'b????1000: vec = 3'd3;
            8'b???10000: vec = 3'd4;
            8'b??100000: vec = 3'd5;
            8'b?1000000: vec = 3'd6;
            default:     vec = {3{act[7]}};
        endcase
    end
endmodule
