// Simple bus master: issues a request, waits for ack, then holds for one turnaround cycle.
// Read and write each got their own copy of the wait/turnaround states.
module bus_master (
    input  wire clk,
    input  wire rst_n,
    input  wire go_rd,
    input  wire go_wr,
    input  wire ack,
    input  wire err,
    output reg  req,
    output reg  we,
    output reg  done,
    output reg  fail
);
    localparam [3:0] IDLE    = 4'd0,
                     RD_REQ  = 4'd1,
                     RD_WAIT = 4'd2,
                     RD_TURN = 4'd3,
                     WR_REQ  = 4'd4,
                     WR_WAIT = 4'd5,
                     WR_TURN = 4'd6,
                     ERR     = 4'd7,
                     RD_ERR  = 4'd8;
    reg [3:0] state, nstate;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) state <= IDLE;
        else        state <= nstate;

    always @* begin
        nstate = state;
        case (state)
            IDLE:    if (go_rd) nstate = RD_REQ; else if (go_wr) nstate = WR_REQ;
            RD_REQ:  nstate = RD_WAIT;
            RD_WAIT: if (err) nstate = RD_ERR; else if (ack) nstate = RD_TURN;
            RD_TURN: nstate = IDLE;
            RD_ERR:  nstate = IDLE;
            WR_REQ:  nstate = WR_WAIT;
            WR_WAIT: if (err) nstate = ERR; else if (ack) nstate = WR_TURN;
            WR_TURN: nstate = IDLE;
            ERR:     nstate = IDLE;
            default: nstate = IDLE;
        endcase
    end

    always @* begin
        req  = 1'b0;
        we   = 1'b0;
        done = 1'b0;
        fail = 1'b0;
        case (state)
            RD_REQ:  req = 1'b1;
            RD_WAIT: req = 1'b1;
            WR_REQ:  begin req = 1'b1; we = 1'b1; end
            WR_WAIT: begin req = 1'b1; we = 1'b1; end
            RD_TURN: done = 1'b1;
            WR_TURN: done = 1'b1;
            RD_ERR:  fail = 1'b1;
            ERR:     fail = 1'b1;
            default: ;
        endcase
    end
endmodule
