// Dual-modular redundancy: the checker copy and the error flag are provably redundant in RTL.
module lockstep_checker (
    input             clk,
    input             rst,
    input             en,
    input      [11:0] din,
    output     [11:0] acc_o,
    output reg        err
);
    reg [11:0] acc_main;
    reg [11:0] acc_chk;

    always @(posedge clk) begin
        if (rst)
            acc_main <= 12'd0;
        else if (en)
            acc_main <= acc_main + din;
    end

    always @(posedge clk) begin
        if (rst)
            acc_chk <= 12'd0;
        else
            acc_chk <= en ? din + acc_chk : acc_chk;
    end

    always @(posedge clk) begin
        if (rst)
            err <= 1'b0;
        else if (acc_main != acc_chk)
            err <= 1'b1;
    end

    assign acc_o = acc_main;
endmodule
