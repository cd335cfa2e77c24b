// Camera xenon flash controller: on a trigger the pre-flash, gap, main
// flash and recharge phases follow each other with fixed durations; a
// one-process state machine restarts a phase timer on every transition.
// Reference: after the trigger nothing but time decides, so one counter
// running through the whole sequence gives every phase as a range of its
// value; the state register, the phase timer and the output flops go.
module flash_seq #(
    parameter T_PRE  = 20,
    parameter T_GAP  = 60,
    parameter T_MAIN = 40,
    parameter T_RCH  = 120,
    parameter TW     = 8
) (
    input  wire clk,
    input  wire rst,
    input  wire trig,
    output reg  pre_on,
    output reg  main_on,
    output reg  charging,
    output wire busy
);
    localparam E1 = T_PRE, E2 = T_PRE + T_GAP, E3 = T_PRE + T_GAP + T_MAIN;
    localparam E4 = T_PRE + T_GAP + T_MAIN + T_RCH;
    localparam CW = $clog2(E4 + 1);
    reg [CW-1:0] c;          // 0 idle, 1..E4 position in the sequence
    assign busy     = (c != {CW{1'b0}});
    always @* begin
        pre_on   = busy && (c <= E1);
        main_on  = (c > E2) && (c <= E3);
        charging = (c > E3);
    end
    always @(posedge clk) begin
        if (rst)                    c <= {CW{1'b0}};
        else if (c == E4)           c <= {CW{1'b0}};
        else if (busy || trig)      c <= c + 1'b1;
    end
endmodule

module trig_edge (
    input  wire clk,
    input  wire rst,
    input  wire btn,
    output wire rise
);
    reg [1:0] s;
    always @(posedge clk) begin
        if (rst) s <= 2'b00;
        else     s <= {s[0], btn};
    end
    assign rise = s[0] & ~s[1];
endmodule

module xenon_flash (
    input  wire clk,
    input  wire rst,
    input  wire shutter,
    output wire pre_on,
    output wire main_on,
    output wire charging,
    output wire busy
);
    wire trig;
    trig_edge u_edge (.clk(clk), .rst(rst), .btn(shutter), .rise(trig));
    flash_seq #(.T_PRE(12), .T_GAP(30), .T_MAIN(16), .T_RCH(60), .TW(7))
        u_seq (.clk(clk), .rst(rst), .trig(trig), .pre_on(pre_on), .main_on(main_on),
               .charging(charging), .busy(busy));
endmodule
