// Reference: the unbiased temperature is kept; the biased output adds 40 once.
module temp_track (
    input  wire       clk,
    input  wire       rst,
    input  wire       upd,
    input  wire [3:0] delta,
    input  wire       cool,
    output wire [7:0] biased,
    output wire       hot
);
    reg [7:0] t;
    always @(posedge clk)
        if (rst)      t <= 8'd25;
        else if (upd) t <= cool ? t - {4'd0, delta} : t + {4'd0, delta};
    assign biased = t + 8'd40;
    assign hot = t > 8'd90;
endmodule
