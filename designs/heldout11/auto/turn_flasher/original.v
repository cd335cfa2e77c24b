// Direction-indicator flasher for a small vehicle body controller.
// Each lamp channel (left, right, dashboard tell-tale) owns its blink timer so
// the channels can be dropped into other projects one by one.
module blink_chan #(
    parameter HALF = 400000,  // clocks per half blink period
    parameter CW   = 20       // timer width
) (
    input  wire clk,
    input  wire rst_n,
    input  wire on,           // indicator requested
    output reg  lamp
);
    reg [CW-1:0] cnt;
    reg          phase;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt   <= {CW{1'b0}};
            phase <= 1'b0;
        end else if (cnt == HALF - 1) begin
            cnt   <= {CW{1'b0}};
            phase <= ~phase;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) lamp <= 1'b0;
        else        lamp <= on & phase;
    end
endmodule

module turn_flasher (
    input  wire clk,
    input  wire rst_n,
    input  wire left_sw,
    input  wire right_sw,
    input  wire hazard,
    output wire lamp_l,
    output wire lamp_r,
    output wire telltale
);
    blink_chan #(.HALF(75), .CW(12)) u_left (
        .clk(clk), .rst_n(rst_n), .on(left_sw | hazard), .lamp(lamp_l));
    blink_chan #(.HALF(75), .CW(12)) u_right (
        .clk(clk), .rst_n(rst_n), .on(right_sw | hazard), .lamp(lamp_r));
    blink_chan #(.HALF(75), .CW(12)) u_tell (
        .clk(clk), .rst_n(rst_n), .on(left_sw | right_sw | hazard), .lamp(telltale));
endmodule
