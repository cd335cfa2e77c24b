// Oversampling ADC sequencer: a slot counter wrapping at 12 carries into a
// channel counter wrapping at 5 (no divider, no remainder).
module adc_seq (
    input  wire       clk,
    input  wire       arst_n,
    input  wire       go,
    output reg  [3:0] slot,
    output reg  [2:0] chan,
    output wire       chan_done,
    output reg  [4:0] ch_onehot
);
    assign chan_done = go && (slot == 4'd11);
    always @(posedge clk or negedge arst_n)
        if (!arst_n) begin
            slot <= 4'd0;
            chan <= 3'd0;
        end else if (chan_done) begin
            slot <= 4'd0;
            chan <= (chan == 3'd4) ? 3'd0 : chan + 3'd1;
        end else if (go)
            slot <= slot + 4'd1;
    always @* begin
        ch_onehot = 5'b0;
        ch_onehot[chan] = 1'b1;
    end
endmodule
