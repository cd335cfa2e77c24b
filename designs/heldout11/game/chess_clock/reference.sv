// Reference: the two prescalers have exclusive lifetimes (the idle side's is
// held at zero), so one prescaler, cleared whenever the side on move changes
// or the clock stops, serves both sides.
module chess_clock (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        new_game,
    input  logic        press_w,
    input  logic        press_b,
    output logic [11:0] secs_w,
    output logic [11:0] secs_b,
    output logic        flag_w,
    output logic        flag_b,
    output logic        black_on_move
);
    localparam int PRE = 40, START = 90;
    logic        running;
    logic        nxt_run, nxt_black;
    logic [25:0] pre;
    logic        sec_tick;

    always_comb begin
        nxt_run   = running;
        nxt_black = black_on_move;
        if (new_game) begin
            nxt_run = 1'b0; nxt_black = 1'b0;
        end else if (flag_w || flag_b) begin
            nxt_run = 1'b0;
        end else if (press_w && !black_on_move) begin
            nxt_run = 1'b1; nxt_black = 1'b1;
        end else if (press_b && black_on_move) begin
            nxt_run = 1'b1; nxt_black = 1'b0;
        end
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            running       <= 1'b0;
            black_on_move <= 1'b0;
        end else begin
            running       <= nxt_run;
            black_on_move <= nxt_black;
        end
    end

    assign sec_tick = running && (pre == 26'(PRE - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                           pre <= '0;
        else if (!running || sec_tick)        pre <= '0;
        else if (nxt_black != black_on_move)  pre <= '0;
        else                                  pre <= pre + 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            secs_w <= 12'(START);
            secs_b <= 12'(START);
        end else if (new_game) begin
            secs_w <= 12'(START);
            secs_b <= 12'(START);
        end else if (sec_tick) begin
            if (!black_on_move && secs_w != '0) secs_w <= secs_w - 1'b1;
            if ( black_on_move && secs_b != '0) secs_b <= secs_b - 1'b1;
        end
    end

    assign flag_w = (secs_w == '0);
    assign flag_b = (secs_b == '0);
endmodule
