// CNC / plotter line interpolator (Bresenham, first octant: dx >= dy >= 0):
// every step moves X and decides whether Y moves too.
module bres_step #(
    parameter W = 16
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         load,
    input  wire         step,
    input  wire [W-1:0] dx,
    input  wire [W-1:0] dy,
    output reg          y_step,
    output reg  signed [W+1:0] err
);
    wire signed [W+1:0] sdx = $signed({2'b00, dx});
    wire signed [W+1:0] sdy = $signed({2'b00, dy});
    // err + dy is needed anyway: the decision doubles it (a wire shift) and
    // the Y step subtracts dx from it
    wire signed [W+3:0] e1  = err + sdy;     // wide enough to double exactly
    always @(posedge clk) begin
        if (rst) begin
            err    <= 0;
            y_step <= 1'b0;
        end else if (load) begin
            err    <= 0;
            y_step <= 1'b0;
        end else if (step) begin
            if ((e1 <<< 1) >= sdx) begin
                err    <= e1 - sdx;
                y_step <= 1'b1;
            end else begin
                err    <= e1;
                y_step <= 1'b0;
            end
        end
    end
endmodule

module plotter_axis (
    input  wire        clk,
    input  wire        rst,
    input  wire        load,
    input  wire        step,
    input  wire [11:0] dx,
    input  wire [11:0] dy,
    output wire        y_step,
    output wire signed [13:0] err
);
    bres_step #(.W(12)) u_b (.clk(clk), .rst(rst), .load(load), .step(step), .dx(dx), .dy(dy),
                             .y_step(y_step), .err(err));
endmodule
