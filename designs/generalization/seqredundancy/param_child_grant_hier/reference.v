// Two-channel request scheduler: each channel has a picker that registers the chosen request
// (as an index and as a one-hot grant vector) until the consumer takes it. The picker is generic
// (N requesters, either priority order); the scheduler uses it for 4 requesters, lowest index first.
module req_pick #(
    parameter N = 8,
    parameter LSB_FIRST = 0
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire [N-1:0]         req,
    input  wire                 take,
    output wire [N-1:0]         gnt,
    output wire [$clog2(N)-1:0] gnt_idx,
    output wire                 gnt_vld
);
    reg [$clog2(N)-1:0] idx_q;
    reg                 vld_q;
    reg [$clog2(N)-1:0] pick;
    reg                 found;
    integer i;

    always @* begin
        pick  = 0;
        found = 1'b0;
        if (LSB_FIRST) begin
            for (i = N - 1; i >= 0; i = i - 1)
                if (req[i]) begin
                    pick  = i;
                    found = 1'b1;
                end
        end else begin
            for (i = 0; i < N; i = i + 1)
                if (req[i]) begin
                    pick  = i;
                    found = 1'b1;
                end
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            idx_q <= 0;
            vld_q <= 1'b0;
        end else if (!vld_q || take) begin
            vld_q <= found;
            idx_q <= pick;
        end
    end

    // the grant vector is the decoded index while a pick is held (no register of its own)
    assign gnt     = vld_q ? ({{(N-1){1'b0}}, 1'b1} << idx_q) : {N{1'b0}};
    assign gnt_idx = idx_q;
    assign gnt_vld = vld_q;
endmodule

module sched2 (
    input  wire       clk,
    input  wire       rst,
    input  wire [3:0] req_a,
    input  wire [3:0] req_b,
    input  wire       take_a,
    input  wire       take_b,
    output wire [3:0] gnt_a,
    output wire [3:0] gnt_b,
    output wire [1:0] idx_a,
    output wire [1:0] idx_b,
    output wire       vld_a,
    output wire       vld_b,
    output wire       busy
);
    req_pick #(.N(4), .LSB_FIRST(1)) u_a (
        .clk(clk), .rst(rst), .req(req_a), .take(take_a),
        .gnt(gnt_a), .gnt_idx(idx_a), .gnt_vld(vld_a)
    );
    req_pick #(.N(4), .LSB_FIRST(1)) u_b (
        .clk(clk), .rst(rst), .req(req_b), .take(take_b),
        .gnt(gnt_b), .gnt_idx(idx_b), .gnt_vld(vld_b)
    );
    assign busy = vld_a | vld_b;
endmodule
