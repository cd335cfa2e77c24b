// Casting out nines: a stream of up to 31 decimal digits is summed into a wide
// register; the digit string's value is divisible by 9 exactly when the digit
// sum is, which is checked when the stream ends.
module nines_check #(
    parameter int NMAX = 31
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clr,
    input  logic       dig_v,
    input  logic [3:0] dig,
    input  logic       eos,
    output logic       div9,
    output logic [3:0] resid
);
    logic [9:0] dsum;
    logic [4:0] n;

    assign resid = dsum % 4'd9;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            dsum <= '0;
            n    <= '0;
            div9 <= 1'b0;
        end else if (clr) begin
            dsum <= '0;
            n    <= '0;
            div9 <= 1'b0;
        end else if (eos) begin
            div9 <= (resid == 4'd0);
        end else if (dig_v && n != 5'(NMAX)) begin
            dsum <= dsum + 10'(dig);
            n    <= n + 5'd1;
        end
    end
endmodule

module nines_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clr,
    input  logic       dig_v,
    input  logic [3:0] dig,
    input  logic       eos,
    output logic       div9,
    output logic [3:0] resid
);
    nines_check #(.NMAX(31)) u_chk (.*);
endmodule
