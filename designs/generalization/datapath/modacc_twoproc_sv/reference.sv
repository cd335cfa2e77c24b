// Running digit-sum residue modulo 11 of a stream of up to 63 hex digits,
// two-process style: the next accumulator value is computed in always_comb and
// registered in always_ff; only the residue is ever read.
module mod11_sum (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clr,
    input  logic       dv,
    input  logic [3:0] d,
    output logic [3:0] res,
    output logic       zero
);
    function [3:0] rtlopt_modadd_acc_q;
        input [3:0] a;
        input [3:0] b;
        reg [4:0] s;
        begin
            s = a + b;
            if (s >= 5'd11) s = s - 5'd11;
            if (s >= 5'd11) s = s - 5'd11;
            rtlopt_modadd_acc_q = s[3:0];
        end
    endfunction
    logic [9:0] acc_q, acc_n;
    logic [5:0] cnt_q, cnt_n;


    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc_q <= '0;
            cnt_q <= '0;
        end else begin
            begin
                if (clr) begin
                    acc_q <= '0;
                    cnt_q <= '0;
                end else if (dv && cnt_q != 6'd63) begin
                    acc_q <= rtlopt_modadd_acc_q(acc_q, 10'(d));
                    cnt_q <= cnt_q + 6'd1;
                end
            end
        end
    end

    always @* res = acc_q[3:0];
    assign zero = (res == 4'd0);
endmodule
