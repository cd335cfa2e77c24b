// Kiln heater bank: every stage has its own warm-up timer (12 bits, loaded
// with WARM) and ready flag, all started by the same 'fire' command and
// stopped by the same 'off'. Stages differ only in their element input.
module heat_stage #(
    parameter int WARM = 500
) (
    input  logic clk,
    input  logic rst_n,
    input  logic fire,
    input  logic off,
    input  logic sec,
    input  logic elem_ok,
    output logic on,
    output logic fault
);
    logic [11:0] warm_t;
    logic        lit;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            warm_t <= '0;
            lit    <= 1'b0;
        end else if (off) begin
            warm_t <= '0;
            lit    <= 1'b0;
        end else if (fire && !lit) begin
            warm_t <= 12'(WARM);
            lit    <= 1'b1;
        end else if (sec && warm_t != '0) begin
            warm_t <= warm_t - 1'b1;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                            fault <= 1'b0;
        else if (off)                          fault <= 1'b0;
        else if (lit && warm_t == '0 && !elem_ok) fault <= 1'b1;
    end

    assign on = lit;
endmodule

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
    for (genvar s = 0; s < 3; s++) begin : g_stage
        heat_stage #(.WARM(20)) u_st (
            .clk, .rst_n, .fire, .off, .sec,
            .elem_ok(elem_ok[s]), .on(on[s]), .fault(fault[s]));
    end
endmodule
