// Reference: ERR_KEY and ERR_IDLE have the same output (fault) and exit (ack -> idle): one
// S_ERR state. 'quiet' only counts to LIMIT = 100 (7 bits); 'misses' is only compared with 3,
// so it saturates at 3 (2 bits).
module pad_top (
    input  wire       clk,
    input  wire       rst,
    input  wire       dv,
    input  wire [3:0] digit,
    input  wire       ack,
    input  wire       close,
    input  wire       unblock,
    output wire       open_o,
    output wire       fault,
    output wire       blocked
);
    localparam [3:0] P0 = 4'h9, P1 = 4'h2;
    localparam [2:0] S_IDLE = 3'd0, S_ONE = 3'd1, S_OPEN = 3'd2, S_ERR = 3'd3, S_BLOCK = 3'd5;

    reg [2:0] st;
    reg [6:0] quiet;
    reg [1:0] misses;

    wire stall = (quiet == 7'd100);
    wire bad   = dv && ((st == S_IDLE && digit != P0) || (st == S_ONE && digit != P1));

    always @(posedge clk) begin
        if (rst) begin
            st     <= S_IDLE;
            quiet  <= 7'd0;
            misses <= 2'd0;
        end else begin
            case (st)
                S_IDLE:   if (dv) st <= bad ? (&misses ? S_BLOCK : S_ERR) : S_ONE;
                S_ONE:    if (dv) st <= bad ? (&misses ? S_BLOCK : S_ERR) : S_OPEN;
                          else if (stall) st <= S_ERR;
                S_OPEN:   if (close) st <= S_IDLE;
                S_ERR:    if (ack) st <= S_IDLE;
                S_BLOCK:  if (unblock) st <= S_IDLE;
                default:  st <= S_IDLE;
            endcase
            if (dv || st != S_ONE || stall) quiet <= 7'd0;
            else                            quiet <= quiet + 7'd1;
            if (st == S_OPEN || unblock)    misses <= 2'd0;
            else if (bad && !(&misses))     misses <= misses + 2'd1;
        end
    end

    assign open_o  = (st == S_OPEN);
    assign fault   = (st == S_ERR);
    assign blocked = (st == S_BLOCK);
endmodule
