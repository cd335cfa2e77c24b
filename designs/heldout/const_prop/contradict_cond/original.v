module thresh_ctl (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [7:0] level,
    output reg        alarm,
    output reg        warn,
    output reg  [1:0] zone
);
    localparam HI = 8'd200;
    localparam LO = 8'd40;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            alarm <= 1'b0;
            warn  <= 1'b0;
            zone  <= 2'd0;
        end else begin
            // alarm: above HI; the second term can never be true together with the first
            alarm <= (level > HI) || ((level > HI) && (level < LO));
            // warn: above LO but not alarm; (level > HI) implies (level > LO)
            warn  <= (level > LO) && !(level > HI) && (level >= LO);
            if (level > HI && level > LO)
                zone <= 2'd3;
            else if (level > LO && level <= HI)
                zone <= 2'd2;
            else if (level <= LO && level > HI)
                zone <= 2'd1;
            else
                zone <= 2'd0;
        end
    end
endmodule
