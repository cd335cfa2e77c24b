// Level-crossing warning lamps: the two red lamps of each road-side signal
// flash alternately. Each lamp has its own flasher board (same design, the
// right-hand one starts in the opposite phase), plus a bell pulse generator.
module lamp_flasher #(
    parameter HALF     = 25_000_000,  // clocks per half period (0.5 s)
    parameter START_ON = 1'b1
) (
    input  wire clk,
    input  wire rst_n,
    input  wire warn,
    output wire lamp
);
    reg [24:0] cnt;
    reg        ph;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt <= 25'd0;
            ph  <= START_ON;
        end else if (!warn) begin
            cnt <= 25'd0;
            ph  <= START_ON;
        end else if (cnt == HALF - 1) begin
            cnt <= 25'd0;
            ph  <= ~ph;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end

    assign lamp = warn & ph;
endmodule

module crossing_lamps (
    input  wire clk,
    input  wire rst_n,
    input  wire train_near,
    output wire lamp_left,
    output wire lamp_right,
    output wire bell
);
    lamp_flasher #(.HALF(40), .START_ON(1'b1)) u_l (
        .clk(clk), .rst_n(rst_n), .warn(train_near), .lamp(lamp_left));
    lamp_flasher #(.HALF(40), .START_ON(1'b0)) u_r (
        .clk(clk), .rst_n(rst_n), .warn(train_near), .lamp(lamp_right));
    // bell strikes at the start of every left-lamp on phase
    lamp_flasher #(.HALF(40), .START_ON(1'b1)) u_b (
        .clk(clk), .rst_n(rst_n), .warn(train_near), .lamp(bell));
endmodule
