// Bus handshake controller: one wait state for reads and writes (4 states, 2-bit code); is_wr is
// no longer needed.
module hs_ctrl (
    input  wire clk,
    input  wire rst,
    input  wire rd,
    input  wire wr,
    input  wire ack,
    input  wire err,
    output wire cyc,
    output wire stb,
    output wire fail
);
    localparam [1:0] S_IDLE = 2'b00,
                     S_ADDR = 2'b01,
                     S_WAIT = 2'b11,
                     S_ERR  = 2'b10;
    reg [1:0] st;

    always @(posedge clk) begin
        if (rst) begin
            st <= S_IDLE;
        end else begin
            case (st)
                S_IDLE: if (rd | wr) st <= S_ADDR;
                S_ADDR: st <= S_WAIT;
                S_WAIT: if (err) st <= S_ERR; else if (ack) st <= S_IDLE;
                default: st <= S_IDLE;
            endcase
        end
    end

    assign cyc  = st[0];
    assign stb  = (st == S_WAIT);
    assign fail = (st == S_ERR);
endmodule
