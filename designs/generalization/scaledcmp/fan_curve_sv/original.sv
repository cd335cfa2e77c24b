// Fan controller: a signed temperature offset (sensor minus set point) is
// scaled to centi-degrees; the fan band is picked by comparing the scaled
// offset with fixed centi-degree limits.
module fan_curve (
    input  logic              clk,
    input  logic signed [7:0] dt,
    input  logic        [5:0] duty_fb,
    output logic        [1:0] band,
    output logic              stall
);
    function automatic logic signed [15:0] centi(input logic signed [7:0] d);
        centi = d * 16'sd25;
    endfunction

    logic [1:0] b;
    always_comb begin
        if (centi(dt) > 16'sd1500) b = 2'd3;
        else if (centi(dt) >= 16'sd400) b = 2'd2;
        else if (centi(dt) < -16'sd320) b = 2'd0;
        else b = 2'd1;
    end

    logic [11:0] rpm;
    assign rpm = (duty_fb << 5) + 12'd40;   // tach estimate

    always_ff @(posedge clk) begin
        band  <= b;
        stall <= (rpm < 12'd300);
    end
endmodule
