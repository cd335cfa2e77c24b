// Free-slot count kept as "slots left"; the used count is recovered, updated and turned back.
module slot_pool (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       alloc,
    input  logic       release_i,
    output logic [4:0] left,
    output logic       none_used
);
    logic [4:0] used, used_nx;
    assign used = 5'd24 - left;
    always_comb begin
        used_nx = used;
        if (alloc && !release_i)      used_nx = used + 5'd1;
        else if (release_i && !alloc) used_nx = used - 5'd1;
    end
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) left <= 5'd24;
        else        left <= 5'd24 - used_nx;
    assign none_used = (used == 5'd0);
endmodule
