// Four push-button debouncers in a generate loop. Every lane divides the clock
// by DIV for its own sample strobe (identical in all lanes from reset) and
// accepts a new level after three equal samples.
module btn_lane #(
    parameter int DIV = 1000  /* clocks per sample */
) (
    input  logic clk,
    input  logic arst_n,
    input  logic btn,
    output logic level  /* registered */  // debounced level
);
    logic [$clog2(DIV)-1:0] div_q;
    logic [2:0]             hist;

    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            div_q <= '0;
            hist  <= '0;
            level <= 1'b0;
        end else begin
            if (div_q == DIV - 1) begin
                div_q <= '0;
                hist  <= {hist[1:0], btn};
                if (hist == 3'b111)      level <= 1'b1;
                else if (hist == 3'b000) level <= 1'b0;
            end else begin
                div_q <= div_q + 1'b1;
            end
        end
    end
endmodule

module btn_bank #(
    parameter int N = 4  // buttons
) (
    input  logic         clk,
    input  logic         arst_n,
    input  logic [N-1:0] btns,
    output logic [N-1:0] levels  // debounced
);
    for (genvar k = 0; k < N; k++) begin : g_btn
        btn_lane #(.DIV(20)) u_lane (.clk, .arst_n, .btn(btns[k]), .level(levels[k]));
    end
endmodule
