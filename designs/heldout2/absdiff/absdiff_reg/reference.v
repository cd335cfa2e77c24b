module absdiff_reg (
    input  wire        clk,
    input  wire        rst,
    input  wire        vld,
    input  wire [15:0] pos_a,
    input  wire [15:0] pos_b,
    output reg  [15:0] dist,
    output reg         a_behind
);
    wire [16:0] d  = {1'b0, pos_a} - {1'b0, pos_b};
    wire        lt = d[16];
    wire [15:0] m  = (d[15:0] ^ {16{lt}}) + {15'd0, lt};
    always @(posedge clk) begin
        if (rst) begin
            dist     <= 16'd0;
            a_behind <= 1'b0;
        end else if (vld) begin
            a_behind <= lt;
            dist     <= m;
        end
    end
endmodule
