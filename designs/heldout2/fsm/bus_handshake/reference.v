// RD_TURN == WR_TURN and RD_ERR == ERR (same outputs, same successor): 7 states in 3 bits,
// encoded so that req/we decode from a couple of bits.
module bus_master (
    input  wire clk,
    input  wire rst_n,
    input  wire go_rd,
    input  wire go_wr,
    input  wire ack,
    input  wire err,
    output wire req,
    output wire we,
    output wire done,
    output wire fail
);
    localparam [2:0] IDLE = 3'd0, RD_REQ = 3'd1, RD_WAIT = 3'd2, WR_REQ = 3'd5, WR_WAIT = 3'd6,
                     TURN = 3'd3, ERR = 3'd7;
    reg [2:0] state;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) state <= IDLE;
        else case (state)
            IDLE:             state <= go_rd ? RD_REQ : go_wr ? WR_REQ : IDLE;
            RD_REQ:           state <= RD_WAIT;
            WR_REQ:           state <= WR_WAIT;
            RD_WAIT, WR_WAIT: state <= err ? ERR : ack ? TURN : state;
            default:          state <= IDLE;
        endcase
    end
    assign req  = (state[1:0] == 2'd1) | (state[1:0] == 2'd2);
    assign we   = req & state[2];
    assign done = (state == TURN);
    assign fail = (state == ERR);
endmodule
