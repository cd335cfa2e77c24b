// PLC-style on-delay timers (IEC 61131 TON) for a small I/O module: output Q
// goes high after input IN has been high for PT milliseconds. Each channel is
// a TON block with its own millisecond prescaler, like the library block.
module ton #(
    parameter CLK_PER_MS = 50000,
    parameter PT         = 100     // preset time in ms
) (
    input  wire clk,
    input  wire rst_n,
    input  wire in,
    output wire q
);
    reg [15:0] pre;
    reg [15:0] et;                 // elapsed ms
    wire       ms = (pre == CLK_PER_MS - 1);

    always @(posedge clk or negedge rst_n)
        if (!rst_n) pre <= 16'd0;
        else        pre <= ms ? 16'd0 : pre + 1'b1;

    always @(posedge clk or negedge rst_n)
        if (!rst_n)                   et <= 16'd0;
        else if (!in)                 et <= 16'd0;
        else if (ms && et != PT)      et <= et + 1'b1;

    assign q = in && (et == PT);
endmodule

module io_module (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [2:0] din,
    output wire [2:0] dout
);
    ton #(.CLK_PER_MS(20), .PT(5))  u_t0 (.clk(clk), .rst_n(rst_n), .in(din[0]), .q(dout[0]));
    ton #(.CLK_PER_MS(20), .PT(12)) u_t1 (.clk(clk), .rst_n(rst_n), .in(din[1]), .q(dout[1]));
    ton #(.CLK_PER_MS(20), .PT(30)) u_t2 (.clk(clk), .rst_n(rst_n), .in(din[2]), .q(dout[2]));
endmodule
