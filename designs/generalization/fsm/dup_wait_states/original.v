// Bus handshake controller: a read and a write each wait for the acknowledge in their own state,
// although both wait states behave the same (same transitions, same outputs).
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
    localparam [2:0] S_IDLE = 3'b000,
                     S_ADDR = 3'b001,
                     S_WRD  = 3'b010,
                     S_WWR  = 3'b011,
                     S_ERR  = 3'b100;
    reg [2:0] st;
    reg       is_wr;

    always @(posedge clk) begin
        if (rst) begin
            st    <= S_IDLE;
            is_wr <= 1'b0;
        end else begin
            case (st)
                S_IDLE: if (rd | wr) begin st <= S_ADDR; is_wr <= wr; end
                S_ADDR: st <= is_wr ? S_WWR : S_WRD;
                S_WRD:  if (err) st <= S_ERR; else if (ack) st <= S_IDLE;
                S_WWR:  if (err) st <= S_ERR; else if (ack) st <= S_IDLE;
                S_ERR:  st <= S_IDLE;
                default: st <= S_IDLE;
            endcase
        end
    end

    assign cyc  = (st != S_IDLE) && (st != S_ERR);
    assign stb  = (st == S_WRD) || (st == S_WWR);
    assign fail = (st == S_ERR);
endmodule
