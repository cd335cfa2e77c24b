// Reference: the three channels' blink timers run in lock step from reset, so
// one timer and phase flop in the parent drive all three lamp flops.
module turn_flasher (
    input  wire clk,
    input  wire rst_n,
    input  wire left_sw,
    input  wire right_sw,
    input  wire hazard,
    output reg  lamp_l,
    output reg  lamp_r,
    output reg  telltale
);
    localparam HALF = 75;
    reg [11:0] cnt;
    reg        phase;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt   <= 12'd0;
            phase <= 1'b0;
        end else if (cnt == HALF - 1) begin
            cnt   <= 12'd0;
            phase <= ~phase;
        end else begin
            cnt <= cnt + 1'b1;
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            lamp_l <= 1'b0; lamp_r <= 1'b0; telltale <= 1'b0;
        end else begin
            lamp_l   <= (left_sw | hazard) & phase;
            lamp_r   <= (right_sw | hazard) & phase;
            telltale <= (left_sw | right_sw | hazard) & phase;
        end
    end
endmodule
