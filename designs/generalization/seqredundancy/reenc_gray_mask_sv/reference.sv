// Reference: the binary slot is the register (reset 11'h400, the binary of Gray 11'h600); the Gray
// output is one XOR layer.
module tdm_slot (
    input  logic        clk,
    input  logic        rst_n,
    input  logic [1:0]  cmd,
    output logic [10:0] slot_g,
    output logic        frame_end
);
    logic [10:0] slot_b;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) slot_b <= 11'h400;
        else case (cmd)
            2'd1:    slot_b <= slot_b + 11'd1;
            2'd2:    slot_b <= slot_b - 11'd1;
            2'd3:    slot_b <= slot_b + 11'd4;
            default: ;
        endcase
    end
    assign slot_g = slot_b ^ (slot_b >> 1);
    assign frame_end = &slot_b;
endmodule
