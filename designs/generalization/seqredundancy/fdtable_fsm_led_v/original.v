// Traffic-style sequencer: a 2-bit state walks GO -> SLOW -> STOP -> WAIT -> GO on timer
// expiry (or a skip request); the 3-bit lamp word is registered in the arms, next to the
// state change, so in every reachable state it is a table of the state.
module lamp_seq (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    input  wire       skip,
    output reg  [2:0] lamp,
    output reg  [1:0] st
);
    localparam GO = 2'd0, SLOW = 2'd1, STOP = 2'd2, WAIT = 2'd3;
    reg [3:0] tmr;
    always @(posedge clk) begin
        if (rst) begin
            st   <= GO;
            tmr  <= 4'd0;
            lamp <= 3'b001;
        end else if (tick) begin
            tmr <= tmr + 4'd1;
            case (st)
                GO:   if (tmr == 4'd9 || skip) begin st <= SLOW; tmr <= 4'd0; lamp <= 3'b010; end
                SLOW: if (tmr == 4'd3)         begin st <= STOP; tmr <= 4'd0; lamp <= 3'b100; end
                STOP: if (tmr == 4'd7)         begin st <= WAIT; tmr <= 4'd0; lamp <= 3'b110; end
                WAIT: if (tmr == 4'd2)         begin st <= GO;   tmr <= 4'd0; lamp <= 3'b001; end
            endcase
        end
    end
endmodule
