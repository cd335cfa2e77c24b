// Tiny 2-read/1-write register file, register 0 reads as zero (RISC style).
module regfile8 (
    input  wire        clk,
    input  wire        rst,
    input  wire        we,
    input  wire [2:0]  waddr,
    input  wire [15:0] wdata,
    input  wire [2:0]  ra1,
    input  wire [2:0]  ra2,
    output reg  [15:0] rd1,
    output reg  [15:0] rd2
);
    reg [15:0] regs [0:7];
    integer i;
    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < 8; i = i + 1)
                regs[i] <= 16'd0;
        end else if (we) begin
            regs[waddr] <= (waddr == 3'd0) ? 16'd0 : wdata;
        end
    end
    always @* begin
        rd1 = 16'd0;
        rd2 = 16'd0;
        for (i = 0; i < 8; i = i + 1) begin
            if (ra1 == i) rd1 = regs[i];
            if (ra2 == i) rd2 = regs[i];
        end
    end
endmodule
