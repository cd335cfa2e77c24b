// Reference: the used count is the register (reset 0); 'left' is 24 - used once at the output.
module slot_pool (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       alloc,
    input  logic       release_i,
    output logic [4:0] left,
    output logic       none_used
);
    logic [4:0] used;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)                   used <= 5'd0;
        else if (alloc && !release_i) used <= used + 5'd1;
        else if (release_i && !alloc) used <= used - 5'd1;
    assign left = 5'd24 - used;
    assign none_used = (used == 5'd0);
endmodule
