// Two-player chess clock. Each side has its own clock block with a seconds
// prescaler that only runs while that side is on move (cleared otherwise, so a
// side always starts a fresh second when the opponent presses).
module side_clock #(
    parameter int PRE   = 50_000_000,  // clocks per second
    parameter int START = 300          // seconds per game
) (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        new_game,
    input  logic        run,
    output logic [11:0] secs,
    output logic        flag           // time ran out
);
    logic [25:0] pre;
    logic        sec_tick;

    assign sec_tick = run && (pre == 26'(PRE - 1));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)            pre <= '0;
        else if (!run)         pre <= '0;
        else if (sec_tick)     pre <= '0;
        else                   pre <= pre + 1'b1;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                        secs <= 12'(START);
        else if (new_game)                 secs <= 12'(START);
        else if (sec_tick && secs != '0)   secs <= secs - 1'b1;
    end

    assign flag = (secs == '0);
endmodule

module chess_clock (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        new_game,
    input  logic        press_w,    // white presses: black to move
    input  logic        press_b,    // black presses: white to move
    output logic [11:0] secs_w,
    output logic [11:0] secs_b,
    output logic        flag_w,
    output logic        flag_b,
    output logic        black_on_move
);
    logic running;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            running       <= 1'b0;
            black_on_move <= 1'b0;
        end else if (new_game) begin
            running       <= 1'b0;
            black_on_move <= 1'b0;
        end else if (flag_w || flag_b) begin
            running <= 1'b0;
        end else if (press_w && !black_on_move) begin
            running       <= 1'b1;
            black_on_move <= 1'b1;
        end else if (press_b && black_on_move) begin
            running       <= 1'b1;
            black_on_move <= 1'b0;
        end
    end

    side_clock #(.PRE(40), .START(90)) u_white (
        .clk, .rst_n, .new_game, .run(running && !black_on_move),
        .secs(secs_w), .flag(flag_w));
    side_clock #(.PRE(40), .START(90)) u_black (
        .clk, .rst_n, .new_game, .run(running && black_on_move),
        .secs(secs_b), .flag(flag_b));
endmodule
