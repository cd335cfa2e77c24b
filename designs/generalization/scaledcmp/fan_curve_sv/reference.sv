// Reference: d * 25 never wraps at 16 bits, so 25*d > 1500 is d > 60,
// 25*d >= 400 is d >= 16, 25*d < -320 is d < -12 (ceil(-12.8) = -12);
// (duty << 5) + 40 < 300 is duty < ceil(260 / 32) = 9.
module fan_curve (
    input  logic              clk,
    input  logic signed [7:0] dt,
    input  logic        [5:0] duty_fb,
    output logic        [1:0] band,
    output logic              stall
);
    logic [1:0] b;
    always_comb begin
        if (dt > 8'sd60) b = 2'd3;
        else if (dt >= 8'sd16) b = 2'd2;
        else if (dt < -8'sd12) b = 2'd0;
        else b = 2'd1;
    end

    always_ff @(posedge clk) begin
        band  <= b;
        stall <= (duty_fb < 6'd9);
    end
endmodule
