// Credit-based flow control on the sender side. Only the in-use count is kept; the available
// credits are CREDITS - in_use and the flags are decoded from the count.
module credit_tx #(
    parameter CREDITS = 10
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          send,
    input  wire          credit_ret,
    output wire          can_send,
    output wire          all_home,
    output reg  [$clog2(CREDITS+1)-1:0] in_use
);
    wire do_send = send & can_send;
    wire do_ret  = credit_ret & ~all_home;

    assign can_send = (in_use != CREDITS);
    assign all_home = (in_use == 0);

    always @(posedge clk) begin
        if (rst)                     in_use <= 0;
        else if (do_send && !do_ret) in_use <= in_use + 1'b1;
        else if (do_ret && !do_send) in_use <= in_use - 1'b1;
    end
endmodule
