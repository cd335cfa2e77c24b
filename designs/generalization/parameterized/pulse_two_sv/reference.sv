// Two periodic strobes from one timer module with a counter as wide as each period needs.
module strobe_timer #(
    parameter int unsigned PERIOD = 50
) (
    input  logic clk,
    input  logic rst_n,
    output logic strobe
);
    localparam int CW = (PERIOD > 1) ? $clog2(PERIOD) : 1;
    logic [CW-1:0] cnt;
    wire last = (cnt == CW'(PERIOD - 1));

    always_ff @(posedge clk) begin
        if (!rst_n) begin
            cnt    <= '0;
            strobe <= 1'b0;
        end else begin
            cnt    <= last ? '0 : cnt + 1'b1;
            strobe <= last;
        end
    end
endmodule

module strobes (
    input  logic clk,
    input  logic rst_n,
    output logic strobe_ms,
    output logic strobe_frame
);
    strobe_timer #(.PERIOD(7))   u_ms    (.clk, .rst_n, .strobe(strobe_ms));
    strobe_timer #(.PERIOD(600)) u_frame (.clk, .rst_n, .strobe(strobe_frame));
endmodule
