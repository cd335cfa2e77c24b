// Camera xenon flash controller: on a trigger the pre-flash, gap, main
// flash and recharge phases follow each other with fixed durations; a
// one-process state machine restarts a phase timer on every transition.
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
    localparam S_IDLE = 3'd0, S_PRE = 3'd1, S_GAP = 3'd2, S_MAIN = 3'd3, S_RCH = 3'd4;
    reg [2:0]    st;
    reg [TW-1:0] t;
    assign busy = (st != S_IDLE);
    always @(posedge clk) begin
        if (rst) begin
            st <= S_IDLE; t <= {TW{1'b0}};
            pre_on <= 1'b0; main_on <= 1'b0; charging <= 1'b0;
        end else begin
            case (st)
                S_IDLE: if (trig) begin
                    st <= S_PRE; t <= {TW{1'b0}}; pre_on <= 1'b1;
                end
                S_PRE: if (t == T_PRE - 1) begin
                    st <= S_GAP; t <= {TW{1'b0}}; pre_on <= 1'b0;
                end else t <= t + 1'b1;
                S_GAP: if (t == T_GAP - 1) begin
                    st <= S_MAIN; t <= {TW{1'b0}}; main_on <= 1'b1;
                end else t <= t + 1'b1;
                S_MAIN: if (t == T_MAIN - 1) begin
                    st <= S_RCH; t <= {TW{1'b0}}; main_on <= 1'b0; charging <= 1'b1;
                end else t <= t + 1'b1;
                S_RCH: if (t == T_RCH - 1) begin
                    st <= S_IDLE; t <= {TW{1'b0}}; charging <= 1'b0;
                end else t <= t + 1'b1;
                default: st <= S_IDLE;
            endcase
        end
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
