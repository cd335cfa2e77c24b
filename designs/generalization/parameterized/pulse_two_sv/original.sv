// Two periodic strobes from one timer module, instantiated with different periods; the counter
// was written as a 32-bit int-sized vector and counts up while below the period.
module strobe_timer #(
    parameter int unsigned PERIOD = 50
) (
    input  logic clk,
    input  logic rst_n,
    output logic strobe
);
    logic [31:0] cnt;

    always_ff @(posedge clk) begin
        if (!rst_n) begin
            cnt    <= '0;
            strobe <= 1'b0;
        end else if (cnt < PERIOD - 1) begin
            cnt    <= cnt + 32'd1;
            strobe <= 1'b0;
        end else begin
            cnt    <= '0;
            strobe <= 1'b1;
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
