// Burst scheduler for three DMA channels. The channel being served moves on
// when its burst completes (the beat counter of that channel reaches BEATS-1)
// or when the bus aborts it. Every channel has its own beat counter (one
// instance per channel from a generate loop), cleared while its channel is
// not served; the served channel's count is visible as progress.
module beat_counter #(
    parameter BEATS = 12
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [3:0] count,
    output wire       last
);
    reg [3:0] n;
    assign count = n;
    assign last  = en & (n == BEATS - 1);

    always @(posedge clk)
        if (rst)
            n <= 4'd0;
        else if (en & ~last)
            n <= n + 4'd1;
        else
            n <= 4'd0;
endmodule

module dma_sched (
    input  wire       clk,
    input  wire       rst,
    input  wire [2:0] req,
    input  wire       abort,
    output reg  [1:0] ch,
    output reg        serving,
    output wire [3:0] progress
);
    wire [2:0]  done;
    wire [11:0] counts;
    wire        move = ~serving | abort | (|done);

    genvar c;
    generate
        for (c = 0; c < 3; c = c + 1) begin : chan
            beat_counter #(.BEATS(12)) u_beats (
                .clk  (clk),
                .rst  (rst),
                .en   (serving & (ch == c)),
                .count(counts[4*c +: 4]),
                .last (done[c]));
        end
    endgenerate

    assign progress = serving ? counts[4*ch +: 4] : 4'd0;

    // the next requesting channel after ch (round robin over 0, 1, 2)
    reg [1:0] pick;
    reg       found;
    always @* begin
        pick  = ch;
        found = 1'b0;
        case (ch)
            2'd0:    if (req[1]) begin pick = 2'd1; found = 1'b1; end
                     else if (req[2]) begin pick = 2'd2; found = 1'b1; end
                     else if (req[0]) begin pick = 2'd0; found = 1'b1; end
            2'd1:    if (req[2]) begin pick = 2'd2; found = 1'b1; end
                     else if (req[0]) begin pick = 2'd0; found = 1'b1; end
                     else if (req[1]) begin pick = 2'd1; found = 1'b1; end
            default: if (req[0]) begin pick = 2'd0; found = 1'b1; end
                     else if (req[1]) begin pick = 2'd1; found = 1'b1; end
                     else if (req[2]) begin pick = 2'd2; found = 1'b1; end
        endcase
    end

    always @(posedge clk)
        if (rst) begin
            ch      <= 2'd0;
            serving <= 1'b0;
        end else if (move) begin
            serving <= found;
            ch      <= pick;
        end
endmodule
