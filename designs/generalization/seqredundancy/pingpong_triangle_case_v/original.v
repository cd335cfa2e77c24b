// Sweep generator for a VCO test: an 8-bit up/down ramp that dwells one extra
// tick at each end; 'down' is the falling flag, the sweep starts at the top.
module sweep_tri (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    output wire [7:0] ctl,
    output wire       falling
);
    reg [7:0] ramp;
    reg       down;

    always @(posedge clk) begin
        if (rst) begin
            ramp <= 8'hff;
            down <= 1'b1;
        end else if (tick) begin
            case ({down, ramp == 8'h00, ramp == 8'hff})
                3'b000, 3'b010: ramp <= ramp + 8'd1;
                3'b001:         down <= 1'b1;
                3'b100, 3'b101: ramp <= ramp - 8'd1;
                3'b110:         down <= 1'b0;
                default:        ;
            endcase
        end
    end

    assign ctl     = ramp;
    assign falling = down;
endmodule
