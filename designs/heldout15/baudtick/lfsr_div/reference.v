// Beacon blink timer: the divider is a maximal-length LFSR that is reloaded
// after DIV states; its terminal state is computed at elaboration.
module tick_div #(
    parameter DIV = 1000,
    parameter W   = 16
) (
    input  clk,
    input  rst,
    input  en,
    output tick
);
    // smallest LFSR width with 2^LW - 1 >= DIV
    localparam LW = (DIV < 4) ? 2 : $clog2(DIV + 1);

    // feedback taps of a maximal-length Fibonacci LFSR of width LW
    localparam [11:0] TAPS = (LW == 2)  ? 12'h003 : (LW == 3)  ? 12'h006 :
                             (LW == 4)  ? 12'h00C : (LW == 5)  ? 12'h014 :
                             (LW == 6)  ? 12'h030 : (LW == 7)  ? 12'h060 :
                             (LW == 8)  ? 12'h0B8 : (LW == 9)  ? 12'h110 :
                             (LW == 10) ? 12'h240 : (LW == 11) ? 12'h500 : 12'hE08;

    function [LW-1:0] lfsr_next;
        input [LW-1:0] s;
        begin
            lfsr_next = {s[LW-2:0], ^(s & TAPS[LW-1:0])};
        end
    endfunction

    function [LW-1:0] lfsr_term;
        input integer n;
        integer k;
        reg [LW-1:0] s;
        begin
            s = {{(LW-1){1'b0}}, 1'b1};
            for (k = 0; k < n; k = k + 1)
                s = lfsr_next(s);
            lfsr_term = s;
        end
    endfunction

    localparam [LW-1:0] SEED = {{(LW-1){1'b0}}, 1'b1};
    localparam [LW-1:0] TERM = lfsr_term(DIV - 1);

    reg [LW-1:0] st;
    wire last = (st == TERM);
    always @(posedge clk) begin
        if (rst)
            st <= SEED;
        else if (en)
            st <= last ? SEED : lfsr_next(st);
    end
    assign tick = en && last;
endmodule

module beacon_timer (
    input        clk,
    input        rst,
    input        en,
    output reg [3:0] phase,
    output       blink
);
    wire tick;
    tick_div #(.DIV(25)) u_div (.clk(clk), .rst(rst), .en(en), .tick(tick));

    always @(posedge clk) begin
        if (rst)       phase <= 4'd0;
        else if (tick) phase <= phase + 4'd1;
    end
    assign blink = (phase == 4'd0);
endmodule
