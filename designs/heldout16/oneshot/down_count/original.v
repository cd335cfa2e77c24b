// Retriggerable one-shot pulse generators (strobe widths for an
// ultrasonic transducer driver): each trigger latches the programmed
// width and counts up to it.
module one_shot #(
    parameter WW = 16
) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          trig,
    input  wire [WW-1:0] width,
    output reg           pulse
);
    reg [WW-1:0] w_q;
    reg [WW-1:0] cnt;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            w_q <= {WW{1'b0}}; cnt <= {WW{1'b0}}; pulse <= 1'b0;
        end else if (trig) begin
            w_q   <= width;
            cnt   <= {WW{1'b0}};
            pulse <= (width != {WW{1'b0}});
        end else if (pulse) begin
            if (cnt == w_q - 1'b1) pulse <= 1'b0;
            else                   cnt <= cnt + 1'b1;
        end
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
