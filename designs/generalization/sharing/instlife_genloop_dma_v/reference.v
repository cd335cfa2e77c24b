// Reference: only the served channel's beat counter ever counts, and a channel
// starts from zero whenever it is picked, so one counter serves all three: it
// clears when the burst completes, when nothing is served, or when an abort
// moves to another channel.
module dma_sched (
    input  wire       clk,
    input  wire       rst,
    input  wire [2:0] req,
    input  wire       abort,
    output reg  [1:0] ch,
    output reg        serving,
    output wire [3:0] progress
);
    reg  [3:0] n;
    wire       last = serving & (n == 4'd11);
    wire       move = ~serving | abort | last;

    assign progress = serving ? n : 4'd0;

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

    always @(posedge clk)
        if (rst)
            n <= 4'd0;
        else if (serving & ~last & ~(abort & (pick != ch)))
            n <= n + 4'd1;
        else
            n <= 4'd0;
endmodule
