module offset_sel (
    input  wire [1:0]  src,
    input  wire [15:0] pc,
    input  wire [15:0] rs,
    input  wire [15:0] link,
    input  wire [15:0] vec,
    input  wire [15:0] off,
    output wire [15:0] target
);
    reg [15:0] base;
    always @(*) begin
        case (src)
            2'b00:   base = pc;
            2'b01:   base = rs;
            2'b10:   base = link;
            default: base = vec;
        endcase
    end
    assign target = base + off;
endmodule
