// Bipolar stepper microstep driver: each coil keeps its own position in the
// 32-microstep electrical cycle and looks up its current set-point; coil B runs
// a quarter cycle (PHASE0 = 8) ahead of coil A.
module coil_drv (
    input            clk,
    input            rst,
    input      [4:0] idx,
    output reg [7:0] mag,          // current set-point magnitude
    output reg       neg           // current direction
);
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
    // both coils move together: coil B's position is always coil A's + 8 (mod 32)
    reg  [4:0] idx;
    wire [4:0] idx_b = idx + 5'd8;

    always @(posedge clk) begin
        if (rst)
            idx <= 5'd0;
        else if (step)
            idx <= dir ? idx - 5'd1 : idx + 5'd1;
    end

    coil_drv u_a (.clk(clk), .rst(rst), .idx(idx),   .mag(a_mag), .neg(a_neg));
    coil_drv u_b (.clk(clk), .rst(rst), .idx(idx_b), .mag(b_mag), .neg(b_neg));
endmodule
