// Receive-status block of a serial receiver: a generic error-code register and an error flag
// (sticky until read), reported through a registered status word. This receiver only detects
// framing errors, so a single code is ever written.
module rx_status (
    input  wire       clk,
    input  wire       rst,
    input  wire       byte_done,
    input  wire       stop_bit,
    input  wire [7:0] rx_byte,
    input  wire       status_rd,
    output reg  [7:0] data_q,
    output reg  [2:0] code_q,
    output reg        err_q,
    output reg  [3:0] frames
);
    localparam [2:0] ERR_NONE = 3'd0, ERR_FRAME = 3'd5;

    reg       err_v;

    always @(posedge clk) begin
        if (rst) begin
            err_v    <= 1'b0;
            data_q   <= 8'd0;
            frames   <= 4'd0;
            code_q   <= ERR_NONE;
            err_q    <= 1'b0;
        end else begin
            if (status_rd) begin
                err_v  <= 1'b0;
                code_q <= err_v ? ERR_FRAME : ERR_NONE;   // the only code ever latched
                err_q  <= err_v;
            end
            if (byte_done) begin
                data_q <= rx_byte;
                frames <= frames + 4'd1;
                if (!stop_bit && !err_v)
                    err_v    <= 1'b1;
            end
        end
    end
endmodule
