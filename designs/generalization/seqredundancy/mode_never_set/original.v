module mode_alu (
    input            clk,
    input            rst,
    input            go,
    input      [7:0] a,
    input      [7:0] b,
    output reg [7:0] y
);
    reg [1:0] mode;

    // legacy mode switch: only reachable from mode 3, which is never entered
    always @(posedge clk) begin
        if (rst)
            mode <= 2'd0;
        else if (mode == 2'd3 && go)
            mode <= 2'd1;
        else if (mode == 2'd1 && go)
            mode <= 2'd2;
    end

    always @(posedge clk) begin
        case (mode)
            2'd0: y <= a + b;
            2'd1: y <= a - b;
            2'd2: y <= a & b;
            default: y <= a ^ b;
        endcase
    end
endmodule
