// Gray-coded slot counter of a TDM scheduler: the binary slot is rebuilt by XOR-reducing masked
// copies of the code (bit i = ^(code & ones << i)); a case on the command picks the next binary slot,
// which is written back as Gray.
module tdm_slot (
    input  logic        clk,
    input  logic        rst_n,
    input  logic [1:0]  cmd,      // 0 hold, 1 next, 2 back, 3 skip four
    output logic [10:0] slot_g,
    output logic        frame_end
);
    localparam logic [10:0] ONES = '1;
    logic [10:0] slot_b, slot_nx;
    always_comb begin
        for (int i = 0; i < 11; i++)
            slot_b[i] = ^(slot_g & (ONES << i));
    end
    always_comb begin
        case (cmd)
            2'd1:    slot_nx = slot_b + 11'd1;
            2'd2:    slot_nx = slot_b - 11'd1;
            2'd3:    slot_nx = slot_b + 11'd4;
            default: slot_nx = slot_b;
        endcase
    end
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) slot_g <= 11'h600;
        else        slot_g <= slot_nx ^ {1'b0, slot_nx[10:1]};
    end
    assign frame_end = slot_b == 11'd2047;
endmodule
