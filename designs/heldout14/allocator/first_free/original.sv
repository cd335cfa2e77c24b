// Tag allocator for an outstanding-request table: picks the lowest free
// tag, returning it both as a one-hot grant and as a binary tag number.
module first_free #(
    parameter int N  = 8,
    parameter int TW = 3
) (
    input  logic [N-1:0]  free_mask,
    output logic [N-1:0]  grant,
    output logic [TW-1:0] tag,
    output logic          none
);
    always_comb begin
        logic found;
        found = 1'b0;
        grant = '0;
        for (int i = 0; i < N; i++) begin
            if (free_mask[i] && !found) begin
                grant[i] = 1'b1;
                found    = 1'b1;
            end
        end
    end

    always_comb begin
        logic found;
        found = 1'b0;
        tag   = '0;
        for (int i = 0; i < N; i++) begin
            if (free_mask[i] && !found) begin
                tag   = TW'(i);
                found = 1'b1;
            end
        end
    end

    assign none = (free_mask == '0);
endmodule

module tag_table #(
    parameter int N  = 8,
    parameter int TW = 3
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          alloc,
    input  logic          release_v,
    input  logic [TW-1:0] release_tag,
    output logic [TW-1:0] alloc_tag,
    output logic          full
);
    logic [N-1:0] busy;
    logic [N-1:0] grant;
    logic         none;

    first_free #(.N(N), .TW(TW)) u_ff (.free_mask(~busy), .grant(grant), .tag(alloc_tag), .none(none));

    assign full = none;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            busy <= '0;
        end else begin
            for (int i = 0; i < N; i++) begin
                if (alloc && !none && grant[i])
                    busy[i] <= 1'b1;
                else if (release_v && release_tag == TW'(i))
                    busy[i] <= 1'b0;
            end
        end
    end
endmodule

module req_tracker (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       alloc,
    input  logic       release_v,
    input  logic [3:0] release_tag,
    output logic [3:0] alloc_tag,
    output logic       full
);
    tag_table #(.N(12), .TW(4)) u_tags (.*);
endmodule
