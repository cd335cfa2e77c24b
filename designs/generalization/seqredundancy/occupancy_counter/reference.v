// 6-stage valid pipeline; the occupancy is the number of set stage flags.
module vld_pipe6 (
    input  wire       clk,
    input  wire       rst,
    input  wire       vin,
    output wire       vout,
    output wire [2:0] in_flight,
    output wire       idle
);
    reg [5:0] s;
    always @(posedge clk) begin
        if (rst)
            s <= 6'd0;
        else
            s <= {s[4:0], vin};
    end
    assign vout = s[5];
    assign in_flight = s[0] + s[1] + s[2] + s[3] + s[4] + s[5];
    assign idle = ~|s;
endmodule
