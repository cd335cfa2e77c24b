// Bus lock manager: per-requester request synchronizers (generate), a lowest-index
// picker, and a lock unit that keeps the holder as a binary index, a held flag and a
// one-hot holder vector (owner_oh == held ? 1 << owner : 0 in every reachable state).
module req_sync (
    input  logic clk,
    input  logic rst_n,
    input  logic d,
    output logic q
);
    logic [1:0] s;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) s <= '0;
        else        s <= {s[0], d};
    assign q = s[1];
endmodule

module lock_unit #(
    parameter int N  = 4,
    parameter int IW = 2
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic [N-1:0]  req,
    input  logic          release_i,
    output logic [IW-1:0] owner,
    output logic          held,
    output logic [N-1:0]  owner_oh
);
    logic [IW-1:0] pick;
    logic          any;
    always_comb begin
        pick = '0;
        any  = 1'b0;
        for (int i = N - 1; i >= 0; i--)
            if (req[i] && !owner_oh[i]) begin
                pick = IW'(i);
                any  = 1'b1;
            end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            owner    <= '0;
            held     <= 1'b0;
            owner_oh <= '0;
        end else if (!held && any) begin
            owner    <= pick;
            held     <= 1'b1;
            owner_oh <= N'(1) << pick;
        end else if (held && release_i) begin
            held     <= 1'b0;
            owner_oh <= '0;
        end
    end
endmodule

module lock_mgr #(
    parameter int N  = 4,
    parameter int IW = 2
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic [N-1:0]  req_async,
    input  logic          release_i,
    output logic [IW-1:0] owner,
    output logic          held,
    output logic [N-1:0]  owner_oh
);
    logic [N-1:0] req;
    for (genvar i = 0; i < N; i++) begin : g_sync
        req_sync u_s (.clk, .rst_n, .d(req_async[i]), .q(req[i]));
    end
    lock_unit #(.N(N), .IW(IW)) u_lock (.*);
endmodule

module bus_lock (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [4:0] req_async,
    input  logic       release_i,
    output logic [2:0] owner,
    output logic       held,
    output logic [4:0] owner_oh
);
    lock_mgr #(.N(5), .IW(3)) u_mgr (.*);
endmodule
