// Reference: the registered outputs decoded from the state, the dwell timer 5 bits (< 20).
module primer #(
    parameter PURGE_T = 100,
    parameter FILL_T  = 300,
    parameter HOLD_T  = 50
) (
    input        clk,
    input        rst,
    input        start,
    input        fault,
    output [2:0] valve,
    output       motor,
    output       ready
);
    localparam [2:0] IDLE = 3'd0, PURGE = 3'd1, FILL = 3'd2, SETTLE = 3'd3, RUN = 3'd4;
    reg [2:0] st;
    reg [4:0] t;

    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE; t <= 5'd0;
        end else begin
            case (st)
                IDLE:   if (start) st <= PURGE;
                PURGE:  if (t == PURGE_T - 1) begin t <= 5'd0; st <= FILL; end else t <= t + 5'd1;
                FILL:   if (t == FILL_T - 1) begin t <= 5'd0; st <= SETTLE; end else t <= t + 5'd1;
                SETTLE: if (t == HOLD_T - 1) begin t <= 5'd0; st <= RUN; end else t <= t + 5'd1;
                RUN:    if (fault) st <= IDLE;
                default: st <= IDLE;
            endcase
        end
    end

    assign valve = (st == PURGE) ? 3'b100 : (st == FILL) ? 3'b011 : (st == SETTLE || st == RUN) ? 3'b001 : 3'b000;
    assign motor = (st == PURGE) || (st == FILL) || (st == RUN);
    assign ready = (st == RUN);
endmodule

module pump_ctrl (
    input        clk,
    input        rst,
    input        start,
    input        fault,
    output [2:0] valve,
    output       motor,
    output       ready
);
    primer #(.PURGE_T(12), .FILL_T(20), .HOLD_T(7)) u_seq (
        .clk(clk), .rst(rst), .start(start), .fault(fault), .valve(valve), .motor(motor), .ready(ready)
    );
endmodule
