// Sample buffer with a checksum pass and a drain pass. The buffer module has two read ports
// (a function over packed rows); the controller reads port A only while summing and port B only
// while draining, so the two reads are never observed in the same state.
module rs_buf #(
    parameter int N = 8,
    parameter int W = 12
) (
    input  logic                 clk,
    input  logic                 wr,
    input  logic [$clog2(N)-1:0] wa,
    input  logic [W-1:0]         wd,
    input  logic [$clog2(N)-1:0] ra,
    input  logic [$clog2(N)-1:0] rb,
    output logic [W-1:0]         qa,
    output logic [W-1:0]         qb
);
    localparam int AW = $clog2(N);
    logic [N-1:0][W-1:0] rows;

    function automatic logic [W-1:0] row(input logic [AW-1:0] i);
        row = rows[i];
    endfunction

    always_ff @(posedge clk)
        if (wr) rows[wa] <= wd;

    always_comb qa = row(ra);
    always_comb qb = row(rb);
endmodule

module readshare_fsm_ports_sv (
    input  logic        clk,
    input  logic        rst,
    input  logic        wr,
    input  logic [2:0]  wa,
    input  logic [11:0] wd,
    input  logic        go,
    output logic [15:0] sum,
    output logic [11:0] dout,
    output logic        dvalid
);
    typedef enum logic [1:0] {IDLE, SUM, DRAIN} st_t;
    st_t st;
    logic [2:0] ia, ib;
    logic [11:0] va, vb;

    rs_buf #(.N(8), .W(12)) u_buf (
        .clk(clk), .wr(wr), .wa(wa), .wd(wd),
        .ra(ia), .rb(ib), .qa(va), .qb(vb)
    );

    always_ff @(posedge clk) begin
        if (rst) begin
            st <= IDLE; ia <= '0; ib <= '0; sum <= '0; dout <= '0; dvalid <= 1'b0;
        end else begin
            dvalid <= 1'b0;
            unique case (st)
                IDLE:  if (go) begin st <= SUM; ia <= '0; sum <= '0; end
                SUM: begin
                    sum <= sum + 16'(va);
                    ia  <= ia + 3'd1;
                    if (ia == 3'd7) begin st <= DRAIN; ib <= 3'd0; end
                end
                DRAIN: begin
                    dout   <= vb;
                    dvalid <= 1'b1;
                    ib     <= ib + 3'd1;
                    if (ib == 3'd7) st <= IDLE;
                end
                default: st <= IDLE;
            endcase
        end
    end
endmodule
