// Oversampling ADC sequencer: one sample counter walks 5 channels x 12
// samples; the channel select and the sample slot are derived from it.
module smp_counter #(parameter LAST = 59) (
    input  wire       clk,
    input  wire       arst_n,
    input  wire       go,
    output reg  [5:0] cnt
);
    always @(posedge clk or negedge arst_n)
        if (!arst_n) cnt <= 6'd0;
        else if (go) begin
            if (cnt == LAST) cnt <= 6'd0;
            else             cnt <= cnt + 6'd1;
        end
endmodule

module adc_seq (
    input  wire       clk,
    input  wire       arst_n,
    input  wire       go,
    output reg  [3:0] slot,
    output reg  [2:0] chan,
    output wire       chan_done,
    output reg  [4:0] ch_onehot
);
    wire [5:0] cnt;
    smp_counter #(.LAST(59)) u_c (.clk(clk), .arst_n(arst_n), .go(go), .cnt(cnt));
    always @* begin
        chan = cnt / 12;
        slot = cnt % 12;
    end
    assign chan_done = go && (slot == 4'd11);
    always @* begin
        ch_onehot = 5'b0;
        ch_onehot[chan] = 1'b1;
    end
endmodule
