// Oscilloscope edge trigger: fires on a rising crossing of the fixed trigger
// level, then holds off for HOLDOFF samples before it can fire again.
module edge_trig #(
    parameter W       = 10,
    parameter LEVEL   = 512,
    parameter HOLDOFF = 64
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         s_valid,
    input  wire [W-1:0] sample,
    output reg          trig
);
    reg [W-1:0] prev;
    reg [15:0]  hold;
    wire        rising = (prev < LEVEL) && (sample >= LEVEL);

    always @(posedge clk) begin
        if (rst) begin
            prev <= {W{1'b0}};
            hold <= 16'd0;
            trig <= 1'b0;
        end else begin
            trig <= 1'b0;
            if (s_valid) begin
                prev <= sample;
                if (hold != 16'd0)
                    hold <= hold - 16'd1;
                else if (rising) begin
                    trig <= 1'b1;
                    hold <= HOLDOFF;
                end
            end
        end
    end
endmodule

module scope_trig (
    input  wire        clk,
    input  wire        rst,
    input  wire        adc_valid,
    input  wire [11:0] adc,
    output wire        trig
);
    edge_trig #(.W(12), .LEVEL(1800), .HOLDOFF(40)) u_tr (.clk(clk), .rst(rst), .s_valid(adc_valid),
                                                         .sample(adc), .trig(trig));
endmodule
