// Four push-button debouncers sharing one sample-strobe divider.
module btn_lane (
    input  logic clk,
    input  logic arst_n,
    input  logic tick,   /* shared sample strobe */
    input  logic btn,
    output logic level  /* registered */  // debounced level
);
    logic [2:0] hist;

    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n) begin
            hist  <= '0;
            level <= 1'b0;
        end else if (tick) begin
            hist <= {hist[1:0], btn};
            if (hist == 3'b111)      level <= 1'b1;
            else if (hist == 3'b000) level <= 1'b0;
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
    logic [4:0] div_q;
    logic       tick;

    assign tick = (div_q == 5'd19);

    always_ff @(posedge clk or negedge arst_n) begin
        if (!arst_n)   div_q <= '0;
        else if (tick) div_q <= '0;
        else           div_q <= div_q + 1'b1;
    end

    for (genvar k = 0; k < N; k++) begin : g_btn
        btn_lane u_lane (.clk, .arst_n, .tick, .btn(btns[k]), .level(levels[k]));
    end
endmodule
