module spi_phase (
    input  wire clk,
    input  wire rst,
    input  wire go,
    input  wire bit_done,
    input  wire byte_done,
    output wire cs_n,
    output wire sck_en,
    output wire shift,
    output wire done
);
    // state bits {tag, done, shift, sck_en, cs_n}; tag distinguishes SETUP from HOLD
    localparam [4:0] P_IDLE = 5'b00001, P_SETUP = 5'b00000, P_XFER = 5'b00010,
                     P_SHIFT = 5'b00110, P_HOLD = 5'b10000, P_DONE = 5'b01001;
    reg [4:0] ph;
    always @(posedge clk) begin
        if (rst) ph <= P_IDLE;
        else case (ph)
            P_IDLE:  if (go) ph <= P_SETUP;
            P_SETUP: ph <= P_XFER;
            P_XFER:  if (bit_done) ph <= P_SHIFT;
            P_SHIFT: ph <= byte_done ? P_HOLD : P_XFER;
            P_HOLD:  ph <= P_DONE;
            default: ph <= P_IDLE;
        endcase
    end
    assign {done, shift, sck_en, cs_n} = ph[3:0];
endmodule
