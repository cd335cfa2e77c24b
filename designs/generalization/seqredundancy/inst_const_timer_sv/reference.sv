// Reference: the stages' warm-up timers and lit flags are equal in every
// state; one 5-bit timer and one flag in the bank serve the three stages.
module heat_bank (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       fire,
    input  logic       off,
    input  logic       sec,
    input  logic [2:0] elem_ok,
    output logic [2:0] on,
    output logic [2:0] fault
);
    logic [4:0] warm_t;
    logic       lit;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            warm_t <= '0;
            lit    <= 1'b0;
        end else if (off) begin
            warm_t <= '0;
            lit    <= 1'b0;
        end else if (fire && !lit) begin
            warm_t <= 5'd20;
            lit    <= 1'b1;
        end else if (sec && warm_t != '0) begin
            warm_t <= warm_t - 1'b1;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                    fault <= '0;
        else if (off)                  fault <= '0;
        else if (lit && warm_t == '0)  fault <= fault | ~elem_ok;
    end

    assign on = {3{lit}};
endmodule
