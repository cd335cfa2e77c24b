// Return address stack for a branch predictor front end: circular buffer of
// DEPTH return addresses; a call pushes, a return pops, the oldest entry is
// overwritten when full.
module ras #(
    parameter DEPTH = 16,
    parameter AW    = 30
) (
    input               clk,
    input               rst_n,
    input               call,
    input               ret,
    input  [AW-1:0]     call_pc,
    output [AW-1:0]     pred_ret,
    output              empty
);
    reg [AW-1:0] stk [0:DEPTH-1];
    reg [7:0]    sp;              // next free slot
    reg [7:0]    cnt;             // valid entries

    wire [7:0] sp_inc = (sp + 8'd1) % DEPTH;
    wire [7:0] sp_dec = (sp + DEPTH - 1) % DEPTH;

    assign pred_ret = stk[sp_dec];
    assign empty    = (cnt == 8'd0);

    integer i;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (i = 0; i < DEPTH; i = i + 1)
                stk[i] <= {AW{1'b0}};
        end else if (call)
            stk[ret ? sp_dec : sp] <= call_pc;
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            sp  <= 8'd0;
            cnt <= 8'd0;
        end else if (call && !ret) begin
            sp <= sp_inc;
            if (cnt != DEPTH) cnt <= cnt + 8'd1;
        end else if (ret && !call && cnt != 8'd0) begin
            sp  <= sp_dec;
            cnt <= cnt - 8'd1;
        end
    end
endmodule

module bp_ras_top (
    input         clk,
    input         rst_n,
    input         is_call,
    input         is_ret,
    input  [13:0] pc_plus4,
    output [13:0] ras_target,
    output        ras_empty
);
    ras #(.DEPTH(6), .AW(14)) u_ras (
        .clk(clk), .rst_n(rst_n), .call(is_call), .ret(is_ret),
        .call_pc(pc_plus4), .pred_ret(ras_target), .empty(ras_empty)
    );
endmodule
