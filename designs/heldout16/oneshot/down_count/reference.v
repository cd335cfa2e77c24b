// Retriggerable one-shot pulse generators: each trigger loads the width
// into a down-counter; the pulse is high while it is non-zero.
module one_shot #(
    parameter WW = 16
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          trig,
    input  wire [WW-1:0] width,
    output wire          pulse
);
    reg [WW-1:0] rem;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)     rem <= {WW{1'b0}};
        else if (trig)  rem <= width;
        else if (pulse) rem <= rem - 1'b1;
    assign pulse = (rem != {WW{1'b0}});
endmodule

module strobe_bank #(
    parameter N  = 2,
    parameter WW = 16
) (
    input  wire            clk,
    input  wire            rst_n,
    input  wire [N-1:0]    trig,
    input  wire [N*WW-1:0] width,
    output wire [N-1:0]    strobe
);
    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : ch
            one_shot #(.WW(WW)) u_os (.clk(clk), .rst_n(rst_n), .trig(trig[i]),
                                      .width(width[i*WW +: WW]), .pulse(strobe[i]));
        end
    endgenerate
endmodule

module xdcr_strobes (
    input  wire        clk,
    input  wire        rst_n,
    input  wire [2:0]  trig,
    input  wire [11:0] width,
    output wire [2:0]  strobe
);
    strobe_bank #(.N(3), .WW(4)) u_bank (.clk(clk), .rst_n(rst_n), .trig(trig), .width(width), .strobe(strobe));
endmodule
