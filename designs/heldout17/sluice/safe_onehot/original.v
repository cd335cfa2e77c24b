// Canal lock (sluice) controller: boats are lifted between the low and the
// high reach. One-hot state machine on localparam bit positions with a
// defensive illegal-state check (population count of the state vector)
// that forces the safe state and latches a fault flag.
module gate_timer #(
    parameter TW = 16
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          start,
    input  wire [TW-1:0] len,
    output wire          busy
);
    reg [TW-1:0] t;
    assign busy = (t != {TW{1'b0}});
    always @(posedge clk) begin
        if (rst)        t <= {TW{1'b0}};
        else if (start) t <= len;
        else if (busy)  t <= t - 1'b1;
    end
endmodule

module lock_fsm #(
    parameter TW     = 16,
    parameter T_GATE = 1000,
    parameter T_WAIT = 500
) (
    input  wire clk,
    input  wire rst,
    input  wire req_up,
    input  wire req_down,
    input  wire level_high,
    input  wire level_low,
    input  wire boat_clear,
    output wire low_gate_open,
    output wire high_gate_open,
    output wire fill_valve,
    output wire drain_valve,
    output wire red_light,
    output reg  fault
);
    localparam IDLE = 0, OPEN_LO = 1, WAIT_LO = 2, CLOSE_LO = 3, FILL = 4,
               OPEN_HI = 5, WAIT_HI = 6, CLOSE_HI = 7, DRAIN = 8;
    localparam NS = 9;
    reg  [NS-1:0] st, nx;
    reg           tstart;
    reg  [TW-1:0] tlen;
    wire          tbusy;

    function [3:0] ones;
        input [NS-1:0] v;
        integer i;
        begin
            ones = 4'd0;
            for (i = 0; i < NS; i = i + 1) ones = ones + v[i];
        end
    endfunction

    gate_timer #(.TW(TW)) u_t (.clk(clk), .rst(rst), .start(tstart), .len(tlen), .busy(tbusy));

    always @* begin
        nx = {NS{1'b0}};
        tstart = 1'b0;
        tlen = T_GATE;
        case (1'b1)
            st[IDLE]:     if (req_up && level_low)   begin nx[OPEN_LO] = 1'b1; tstart = 1'b1; end
                          else if (req_down && level_high) begin nx[OPEN_HI] = 1'b1; tstart = 1'b1; end
                          else nx[IDLE] = 1'b1;
            st[OPEN_LO]:  if (!tbusy) begin nx[WAIT_LO] = 1'b1; tstart = 1'b1; tlen = T_WAIT; end
                          else nx[OPEN_LO] = 1'b1;
            st[WAIT_LO]:  if (!tbusy && boat_clear) begin nx[CLOSE_LO] = 1'b1; tstart = 1'b1; end
                          else nx[WAIT_LO] = 1'b1;
            st[CLOSE_LO]: if (!tbusy) nx[level_low ? FILL : DRAIN] = 1'b1;
                          else nx[CLOSE_LO] = 1'b1;
            st[FILL]:     if (level_high) begin nx[OPEN_HI] = 1'b1; tstart = 1'b1; end
                          else nx[FILL] = 1'b1;
            st[OPEN_HI]:  if (!tbusy) begin nx[WAIT_HI] = 1'b1; tstart = 1'b1; tlen = T_WAIT; end
                          else nx[OPEN_HI] = 1'b1;
            st[WAIT_HI]:  if (!tbusy && boat_clear) begin nx[CLOSE_HI] = 1'b1; tstart = 1'b1; end
                          else nx[WAIT_HI] = 1'b1;
            st[CLOSE_HI]: if (!tbusy) nx[level_high ? DRAIN : IDLE] = 1'b1;
                          else nx[CLOSE_HI] = 1'b1;
            st[DRAIN]:    if (level_low) nx[IDLE] = 1'b1;
                          else nx[DRAIN] = 1'b1;
            default:      nx[IDLE] = 1'b1;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            st <= {{(NS-1){1'b0}}, 1'b1};
            fault <= 1'b0;
        end else if (ones(st) != 4'd1) begin
            st <= {{(NS-1){1'b0}}, 1'b1};
            fault <= 1'b1;
        end else begin
            st <= nx;
        end
    end

    assign low_gate_open  = st[OPEN_LO] | st[WAIT_LO];
    assign high_gate_open = st[OPEN_HI] | st[WAIT_HI];
    assign fill_valve     = st[FILL];
    assign drain_valve    = st[DRAIN];
    assign red_light      = ~(st[WAIT_LO] | st[WAIT_HI]);
endmodule

module sluice_ctrl (
    input  wire clk,
    input  wire rst,
    input  wire req_up,
    input  wire req_down,
    input  wire level_high,
    input  wire level_low,
    input  wire boat_clear,
    output wire low_gate_open,
    output wire high_gate_open,
    output wire fill_valve,
    output wire drain_valve,
    output wire red_light,
    output wire fault
);
    lock_fsm #(.TW(6), .T_GATE(20), .T_WAIT(40)) u_fsm (
        .clk(clk), .rst(rst), .req_up(req_up), .req_down(req_down), .level_high(level_high),
        .level_low(level_low), .boat_clear(boat_clear), .low_gate_open(low_gate_open),
        .high_gate_open(high_gate_open), .fill_valve(fill_valve), .drain_valve(drain_valve),
        .red_light(red_light), .fault(fault));
endmodule
