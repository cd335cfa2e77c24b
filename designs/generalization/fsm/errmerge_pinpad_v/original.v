// Two-digit PIN pad (Verilog-2005, binary localparam states): a wrong digit
// (ERR_KEY) and a stalled entry (ERR_IDLE) both light the fault LED and both
// wait for 'ack'; the fourth wrong PIN blocks the pad until 'unblock'.
module pinpad #(
    parameter [3:0]  P0    = 4'd5,
    parameter [3:0]  P1    = 4'd8,
    parameter [11:0] LIMIT = 12'd2000
) (
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
    localparam [2:0] S_IDLE = 3'd0, S_ONE = 3'd1, S_OPEN = 3'd2,
                     ERR_KEY = 3'd3, ERR_IDLE = 3'd4, S_BLOCK = 3'd5;

    reg [2:0]  st;
    reg [11:0] quiet;
    reg [7:0]  misses;

    wire stall = (quiet == LIMIT);
    wire bad   = dv && ((st == S_IDLE && digit != P0) || (st == S_ONE && digit != P1));

    always @(posedge clk) begin
        if (rst) begin
            st     <= S_IDLE;
            quiet  <= 12'd0;
            misses <= 8'd0;
        end else begin
            case (st)
                S_IDLE:   if (dv) st <= bad ? (misses >= 8'd3 ? S_BLOCK : ERR_KEY) : S_ONE;
                S_ONE:    if (dv) st <= bad ? (misses >= 8'd3 ? S_BLOCK : ERR_KEY) : S_OPEN;
                          else if (stall) st <= ERR_IDLE;
                S_OPEN:   if (close) st <= S_IDLE;
                ERR_KEY:  if (ack) st <= S_IDLE;
                ERR_IDLE: if (ack) st <= S_IDLE;
                S_BLOCK:  if (unblock) st <= S_IDLE;
                default:  st <= S_IDLE;
            endcase
            if (dv || st != S_ONE || stall) quiet <= 12'd0;
            else                            quiet <= quiet + 12'd1;
            if (st == S_OPEN || unblock)    misses <= 8'd0;
            else if (bad)                   misses <= misses + 8'd1;
        end
    end

    assign open_o  = (st == S_OPEN);
    assign fault   = (st == ERR_KEY) | (st == ERR_IDLE);
    assign blocked = (st == S_BLOCK);
endmodule

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
    pinpad #(.P0(4'h9), .P1(4'h2), .LIMIT(12'h064)) u_pad (
        .clk(clk), .rst(rst), .dv(dv), .digit(digit), .ack(ack), .close(close),
        .unblock(unblock), .open_o(open_o), .fault(fault), .blocked(blocked));
endmodule
