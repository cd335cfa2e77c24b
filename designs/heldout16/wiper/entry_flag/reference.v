// Windscreen wiper controller: the entry flag is registered directly
// (a state change) instead of comparing with a delayed state copy; the
// pause timer and sweep counter are narrowed to their ranges.
module park_edge (
    input  wire clk,
    input  wire rst,
    input  wire park_in,
    output wire park,
    output wire park_rise
);
    reg [2:0] s;
    always @(posedge clk)
        if (rst) s <= 3'b111;
        else     s <= {s[1:0], park_in};
    assign park      = s[1];
    assign park_rise = s[1] & ~s[2];
endmodule

module wiper_fsm #(
    parameter INT_T  = 40,
    parameter SWEEPS = 3,
    parameter TW     = 16
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    input  wire [1:0] sw,       // 00 off, 01 intermittent, 10 low, 11 high
    input  wire       wash,
    input  wire       park,
    input  wire       park_rise,
    output reg        motor_lo,
    output reg        motor_hi,
    output reg        pump
);
    localparam PARK = 3'd0, RUN_LO = 3'd1, RUN_HI = 3'd2, INT_RUN = 3'd3,
               INT_WAIT = 3'd4, WASH = 3'd5;
    reg [2:0]    state, nxt;
    reg          entry;
    reg [$clog2(INT_T)-1:0]  tmr;
    reg [$clog2(SWEEPS)-1:0] sweeps;

    // process 1: state register (and the previous state for entry actions)
    always @(posedge clk)
        if (rst) begin
            state <= PARK;
            entry <= 1'b0;
        end else begin
            state <= nxt;
            entry <= (nxt != state);
        end

    // process 2: next state
    always @* begin
        nxt = state;
        case (state)
            PARK:     if (wash) nxt = WASH;
                      else if (sw == 2'b01) nxt = INT_RUN;
                      else if (sw == 2'b10) nxt = RUN_LO;
                      else if (sw == 2'b11) nxt = RUN_HI;
            RUN_LO:   if (sw == 2'b11) nxt = RUN_HI;
                      else if (sw != 2'b10 && park_rise) nxt = PARK;
            RUN_HI:   if (sw == 2'b10) nxt = RUN_LO;
                      else if (sw != 2'b11 && park_rise) nxt = PARK;
            INT_RUN:  if (park_rise) nxt = (sw == 2'b01) ? INT_WAIT : PARK;
            INT_WAIT: if (sw != 2'b01) nxt = PARK;
                      else if (tick && tmr == INT_T-1) nxt = INT_RUN;
            WASH:     if (park_rise && sweeps == SWEEPS-1) nxt = PARK;
            default:  nxt = PARK;
        endcase
    end

    // entry-cleared counters
    always @(posedge clk)
        if (rst) begin
            tmr <= 0;
            sweeps <= 0;
        end else begin
            if (entry)                              tmr <= 0;
            else if (tick && state == INT_WAIT)     tmr <= tmr + 1'b1;
            if (entry)                              sweeps <= 0;
            else if (park_rise && state == WASH)    sweeps <= sweeps + 1'b1;
        end

    // process 3: registered outputs
    always @(posedge clk)
        if (rst) begin
            motor_lo <= 1'b0; motor_hi <= 1'b0; pump <= 1'b0;
        end else begin
            motor_lo <= (nxt == RUN_LO) || (nxt == INT_RUN) || (nxt == WASH);
            motor_hi <= (nxt == RUN_HI);
            pump     <= (nxt == WASH);
        end
endmodule

module wiper_top (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    input  wire [1:0] sw,
    input  wire       wash,
    input  wire       park_in,
    output wire       motor_lo,
    output wire       motor_hi,
    output wire       pump
);
    wire park, park_rise;
    park_edge u_pe (.clk(clk), .rst(rst), .park_in(park_in), .park(park), .park_rise(park_rise));
    wiper_fsm #(.INT_T(12), .SWEEPS(3), .TW(16)) u_fsm (
        .clk(clk), .rst(rst), .tick(tick), .sw(sw), .wash(wash), .park(park), .park_rise(park_rise),
        .motor_lo(motor_lo), .motor_hi(motor_hi), .pump(pump));
endmodule
