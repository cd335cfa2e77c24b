// Sports stopwatch: start/stop and lap/reset buttons, a 1/100 s time base,
// four cascaded BCD digits (ss.hh) and a multiplexed 7-segment display.
module btn_sync (
    input  logic clk,
    input  logic rst,
    input  logic btn,
    output logic press
);
    logic [2:0] s;
    always_ff @(posedge clk)
        if (rst) s <= '0;
        else     s <= {s[1:0], btn};
    assign press = s[1] & ~s[2];
endmodule

module time_base #(
    parameter int DIV = 100000
) (
    input  logic clk,
    input  logic rst,
    input  logic run,
    output logic tick
);
    logic [$clog2(DIV)-1:0] c;
    always_ff @(posedge clk)
        if (rst || !run)     c <= '0;
        else if (c == DIV-1) c <= '0;
        else                 c <= c + 1'b1;
    assign tick = run && (c == DIV-1);
endmodule

module bcd_digit #(
    parameter logic [3:0] MAX = 4'd9
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       clr,
    input  logic       inc,
    output logic [3:0] d,
    output logic       carry
);
    assign carry = inc && (d == MAX);
    always_ff @(posedge clk)
        if (rst || clr)  d <= '0;
        else if (carry)  d <= '0;
        else if (inc)    d <= d + 1'b1;
endmodule

module seg7 (
    input  logic [3:0] bcd,
    output logic [6:0] seg     // {g,f,e,d,c,b,a}, active high
);
    always_comb
        unique case (bcd)
            4'd0: seg = 7'b0111111;
            4'd1: seg = 7'b0000110;
            4'd2: seg = 7'b1011011;
            4'd3: seg = 7'b1001111;
            4'd4: seg = 7'b1100110;
            4'd5: seg = 7'b1101101;
            4'd6: seg = 7'b1111101;
            4'd7: seg = 7'b0000111;
            4'd8: seg = 7'b1111111;
            4'd9: seg = 7'b1101111;
            default: seg = 7'b1000000;
        endcase
endmodule

module disp_scan #(
    parameter int SDIV = 1000
) (
    input  logic             clk,
    input  logic             rst,
    input  logic [3:0][6:0]  seg_in,
    output logic [6:0]       seg,
    output logic [3:0]       an
);
    logic [$clog2(SDIV)-1:0] c;
    logic [1:0]              dig;
    always_ff @(posedge clk)
        if (rst) begin
            c <= '0; dig <= '0;
        end else if (c == SDIV-1) begin
            c <= '0; dig <= dig + 1'b1;
        end else
            c <= c + 1'b1;
    assign seg = seg_in[dig];
    assign an  = 4'b0001 << dig;
endmodule

module stopwatch #(
    parameter int DIV  = 100000,
    parameter int SDIV = 1000
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       btn_ss,
    input  logic       btn_lr,
    output logic [6:0] seg,
    output logic [3:0] an,
    output logic       running
);
    logic ss, lr, tick;
    logic lap;
    logic [3:0][3:0] dg, shown;
    logic [4:0]      cy;
    logic [3:0][6:0] segs;

    btn_sync u_b0 (.clk, .rst, .btn(btn_ss), .press(ss));
    btn_sync u_b1 (.clk, .rst, .btn(btn_lr), .press(lr));

    always_ff @(posedge clk)
        if (rst) begin
            running <= 1'b0; lap <= 1'b0;
        end else begin
            if (ss) running <= ~running;
            if (lr && running) lap <= ~lap;
            else if (lr)       lap <= 1'b0;
        end

    time_base #(.DIV(DIV)) u_tb (.clk, .rst, .run(running), .tick);

    assign cy[0] = tick;
    for (genvar i = 0; i < 4; i++) begin : g_dig
        bcd_digit #(.MAX(i == 3 ? 4'd5 : 4'd9)) u_d (
            .clk, .rst, .clr(lr && !running), .inc(cy[i]), .d(dg[i]), .carry(cy[i+1]));
    end

    // lap: the display freezes while the count runs on
    always_ff @(posedge clk)
        if (rst)       shown <= '0;
        else if (!lap) shown <= dg;

    for (genvar i = 0; i < 4; i++) begin : g_seg
        seg7 u_s (.bcd(shown[i]), .seg(segs[i]));
    end

    disp_scan #(.SDIV(SDIV)) u_scan (.clk, .rst, .seg_in(segs), .seg, .an);
endmodule

module watch_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       btn_ss,
    input  logic       btn_lr,
    output logic [6:0] seg,
    output logic [3:0] an,
    output logic       running
);
    stopwatch #(.DIV(5), .SDIV(3)) u_sw (.*);
endmodule
