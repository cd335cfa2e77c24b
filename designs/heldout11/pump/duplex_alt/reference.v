// Reference: both instances swap roles on the same event from complementary
// reset values, so pump B's lead flag is always ~A's, and both keep the same
// was_pumping flop: one of each remains, in the parent.
module duplex_pumps (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        lvl_on,
    input  wire        lvl_high,
    input  wire        lvl_off,
    input  wire        fault_a,
    input  wire        fault_b,
    output reg         run_a,
    output reg         run_b,
    output reg         lead_is_a,
    output reg  [11:0] starts_a,
    output reg  [11:0] starts_b
);
    reg was_pumping;

    always @(posedge clk or negedge rst_n)
        if (!rst_n)                  was_pumping <= 1'b0;
        else if (lvl_off)            was_pumping <= 1'b0;
        else if (lvl_on || lvl_high) was_pumping <= 1'b1;

    always @(posedge clk or negedge rst_n)
        if (!rst_n)                                 lead_is_a <= 1'b1;
        else if (lvl_off && !lvl_on && was_pumping) lead_is_a <= ~lead_is_a;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run_a <= 1'b0; starts_a <= 12'd0;
        end else if (fault_a || lvl_off) begin
            run_a <= 1'b0;
        end else if ((lead_is_a && lvl_on) || lvl_high) begin
            run_a <= 1'b1;
            if (!run_a) starts_a <= starts_a + 1'b1;
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run_b <= 1'b0; starts_b <= 12'd0;
        end else if (fault_b || lvl_off) begin
            run_b <= 1'b0;
        end else if ((!lead_is_a && lvl_on) || lvl_high) begin
            run_b <= 1'b1;
            if (!run_b) starts_b <= starts_b + 1'b1;
        end
    end
endmodule
