module spi_phase (
    input  wire clk,
    input  wire rst,
    input  wire go,
    input  wire bit_done,
    input  wire byte_done,
    output reg  cs_n,
    output reg  sck_en,
    output reg  shift,
    output reg  done
);
    reg [2:0] ph;
    localparam P_IDLE = 3'd0, P_SETUP = 3'd1, P_XFER = 3'd2, P_SHIFT = 3'd3, P_HOLD = 3'd4, P_DONE = 3'd5;

    always @(posedge clk) begin
        if (rst) ph <= P_IDLE;
        else case (ph)
            P_IDLE:  if (go) ph <= P_SETUP;
            P_SETUP: ph <= P_XFER;
            P_XFER:  if (bit_done) ph <= P_SHIFT;
            P_SHIFT: ph <= byte_done ? P_HOLD : P_XFER;
            P_HOLD:  ph <= P_DONE;
            P_DONE:  ph <= P_IDLE;
            default: ph <= P_IDLE;
        endcase
    end

    always @(*) begin
        cs_n = 1'b0; sck_en = 1'b0; shift = 1'b0; done = 1'b0;
        case (ph)
            P_IDLE:  cs_n = 1'b1;
            P_SETUP: ;
            P_XFER:  sck_en = 1'b1;
            P_SHIFT: begin sck_en = 1'b1; shift = 1'b1; end
            P_HOLD:  ;
            P_DONE:  begin cs_n = 1'b1; done = 1'b1; end
            default: cs_n = 1'b1;
        endcase
    end
endmodule
