// Hardware semaphore bank: NCPU requesters, NLOCK locks. A lock is taken by the
// lowest-numbered requester that asks while it is free and released by its owner.
module sem_lock #(
    parameter int NCPU = 4
) (
    input  logic            clk,
    input  logic            rst_n,
    input  logic [NCPU-1:0] take,
    input  logic [NCPU-1:0] give,
    output logic [NCPU-1:0] owner,    // one-hot owner
    output logic            locked
);
    logic [NCPU-1:0] win;

    always_comb begin
        win = '0;
        for (int i = NCPU - 1; i >= 0; i--)
            if (take[i]) win = NCPU'(1) << i;
    end

    // a taken lock always has exactly one owner bit set
    assign locked = |owner;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            owner <= '0;
        else if (!locked)
            owner <= win;
        else if (|(give & owner))
            owner <= '0;
    end
endmodule

module sem_bank #(
    parameter int NCPU  = 4,
    parameter int NLOCK = 8
) (
    input  logic                        clk,
    input  logic                        rst_n,
    input  logic [NCPU-1:0]             req,
    input  logic [NCPU-1:0]             rel,
    input  logic [NCPU-1:0][$clog2(NLOCK)-1:0] sel,
    output logic [NLOCK-1:0][NCPU-1:0]  owner,
    output logic [NLOCK-1:0]            locked
);
    for (genvar l = 0; l < NLOCK; l++) begin : g_lock
        logic [NCPU-1:0] take, give;
        always_comb begin
            for (int c = 0; c < NCPU; c++) begin
                take[c] = req[c] && sel[c] == l;
                give[c] = rel[c] && sel[c] == l;
            end
        end
        sem_lock #(.NCPU(NCPU)) u_lock (
            .clk, .rst_n, .take, .give,
            .owner(owner[l]), .locked(locked[l])
        );
    end
endmodule

module sem_top (
    input  logic             clk,
    input  logic             rst_n,
    input  logic [2:0]       req,
    input  logic [2:0]       rel,
    input  logic [2:0][1:0]  sel,
    output logic [3:0][2:0]  owner,
    output logic [3:0]       locked
);
    sem_bank #(.NCPU(3), .NLOCK(4)) u_bank (.*);
endmodule
