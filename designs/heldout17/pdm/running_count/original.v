// PDM microphone front end: a boxcar of the last N one-bit samples is
// counted to give a PCM level each cycle, then decimated.
module pdm_window #(
    parameter N  = 32,
    parameter CW = 6
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          pdm,
    output reg  [CW-1:0] level
);
    reg [N-1:0]  hist;
    wire [N-1:0] nxt = {hist[N-2:0], pdm};
    reg [CW-1:0] ones;
    integer i;
    always @* begin
        ones = {CW{1'b0}};
        for (i = 0; i < N; i = i + 1)
            ones = ones + nxt[i];
    end
    always @(posedge clk) begin
        if (rst) begin
            hist  <= {N{1'b0}};
            level <= {CW{1'b0}};
        end else begin
            hist  <= nxt;
            level <= ones;
        end
    end
endmodule

module pdm_decim #(
    parameter R  = 8,
    parameter CW = 6
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [CW-1:0] level,
    output reg  [CW-1:0] pcm,
    output reg           pcm_vld
);
    reg [7:0] ph;
    always @(posedge clk) begin
        if (rst) begin
            ph <= 8'd0; pcm <= {CW{1'b0}}; pcm_vld <= 1'b0;
        end else begin
            pcm_vld <= (ph == R - 1);
            ph      <= (ph == R - 1) ? 8'd0 : ph + 8'd1;
            if (ph == R - 1) pcm <= level;
        end
    end
endmodule

module mic_pdm2pcm (
    input  wire       clk,
    input  wire       rst,
    input  wire       pdm_in,
    output wire [4:0] pcm,
    output wire       pcm_vld
);
    wire [4:0] level;
    pdm_window #(.N(16), .CW(5)) u_win (.clk(clk), .rst(rst), .pdm(pdm_in), .level(level));
    pdm_decim  #(.R(6),  .CW(5)) u_dec (.clk(clk), .rst(rst), .level(level), .pcm(pcm), .pcm_vld(pcm_vld));
endmodule
