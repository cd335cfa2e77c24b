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
    logic [9:0] acc_q, acc_n;
    logic [5:0] cnt_q, cnt_n;

    always_comb begin
        acc_n = acc_q;
        cnt_n = cnt_q;
        if (clr) begin
            acc_n = '0;
            cnt_n = '0;
        end else if (dv && cnt_q != 6'd63) begin
            acc_n = acc_q + 10'(d);
            cnt_n = cnt_q + 6'd1;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            acc_q <= '0;
            cnt_q <= '0;
        end else begin
            acc_q <= acc_n;
            cnt_q <= cnt_n;
        end
    end

    assign res  = acc_q % 4'd11;
    assign zero = (res == 4'd0);
endmodule
