// Credit-based flow control on the sender side: CREDITS credits at reset, one consumed per
// sent flit, one returned per credit_ret. Status flags are registered, and the number of
// credits in use is kept for the performance counters.
module credit_tx #(
    parameter CREDITS = 10
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          send,        // only asserted when can_send
    input  wire          credit_ret,  // never more returned than used
    output reg           can_send,
    output reg           all_home,
    output reg  [$clog2(CREDITS+1)-1:0] in_use
);
    localparam CW = $clog2(CREDITS + 1);

    reg [CW-1:0] credits;
    wire         do_send = send & can_send;
    wire         do_ret  = credit_ret & (in_use != 0);
    reg [CW-1:0] credits_nx;

    always @(*) begin
        credits_nx = credits;
        if (do_send && !do_ret)      credits_nx = credits - 1'b1;
        else if (do_ret && !do_send) credits_nx = credits + 1'b1;
    end

    always @(posedge clk) begin
        if (rst) begin
            credits  <= CREDITS;
            in_use   <= 0;
            can_send <= 1'b1;
            all_home <= 1'b1;
        end else begin
            credits  <= credits_nx;
            can_send <= (credits_nx != 0);
            all_home <= (credits_nx == CREDITS);
            if (do_send && !do_ret)      in_use <= in_use + 1'b1;
            else if (do_ret && !do_send) in_use <= in_use - 1'b1;
        end
    end
endmodule
