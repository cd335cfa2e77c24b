module offset_sel (
    input  wire [1:0]  src,
    input  wire [15:0] pc,
    input  wire [15:0] rs,
    input  wire [15:0] link,
    input  wire [15:0] vec,
    input  wire [15:0] off,
    output reg  [15:0] target
);
    always @(*) begin
        case (src)
            2'b00:   target = pc + off;
            2'b01:   target = rs + off;
            2'b10:   target = off + link;
            default: target = vec + off;
        endcase
    end
endmodule
