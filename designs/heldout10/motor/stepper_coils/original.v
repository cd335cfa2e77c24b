// Bipolar stepper microstep driver: each coil keeps its own position in the
// 32-microstep electrical cycle and looks up its current set-point; coil B runs
// a quarter cycle (PHASE0 = 8) ahead of coil A.
module coil_drv #(
    parameter PHASE0 = 0
) (
    input            clk,
    input            rst,
    input            step,
    input            dir,
    output reg [7:0] mag,          // current set-point magnitude
    output reg       neg           // current direction
);
    reg [4:0] idx;

    function [7:0] half_sine;      // sin(pi*k/16), k = 0..15, scaled to 255
        input [3:0] k;
        reg   [3:0] q;
        begin
            q = k[3] ? (5'd16 - k) : k;
            case (q)
                4'd0: half_sine = 8'd0;
                4'd1: half_sine = 8'd50;
                4'd2: half_sine = 8'd98;
                4'd3: half_sine = 8'd142;
                4'd4: half_sine = 8'd180;
                4'd5: half_sine = 8'd212;
                4'd6: half_sine = 8'd236;
                4'd7: half_sine = 8'd250;
                default: half_sine = 8'd255;
            endcase
        end
    endfunction

    always @(posedge clk) begin
        if (rst)
            idx <= PHASE0;
        else if (step)
            idx <= dir ? idx - 5'd1 : idx + 5'd1;
    end

    always @(posedge clk) begin
        if (rst) begin
            mag <= 8'd0;
            neg <= 1'b0;
        end else begin
            mag <= half_sine(idx[3:0]);
            neg <= idx[4];
        end
    end
endmodule

module stepper_drv (
    input        clk,
    input        rst,
    input        step,
    input        dir,
    output [7:0] a_mag,
    output       a_neg,
    output [7:0] b_mag,
    output       b_neg
);
    coil_drv #(.PHASE0(0)) u_a (.clk(clk), .rst(rst), .step(step), .dir(dir), .mag(a_mag), .neg(a_neg));
    coil_drv #(.PHASE0(8)) u_b (.clk(clk), .rst(rst), .step(step), .dir(dir), .mag(b_mag), .neg(b_neg));
endmodule
