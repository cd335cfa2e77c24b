module uart_mode_sel (
    input  wire        clk,
    input  wire        rst,
    input  wire        adv,
    input  wire [15:0] din,
    output reg  [15:0] dout
);
    reg [1:0] mode;
    always @(posedge clk) begin
        if (rst)
            mode <= 2'd0;
        else if (adv && !mode[1])
            mode <= {mode[0], ~mode[0]};
    end
    always @(posedge clk) begin
        if (rst)
            dout <= 16'd0;
        else if (mode[1])
            dout <= ~din;
        else if (mode[0])
            dout <= {din[7:0], din[15:8]};
        else
            dout <= din;
    end
endmodule
