// Pump priming sequencer: one process, the outputs registered on every transition (so each is a
// constant of the state entered) beside a 16-bit dwell timer that never passes HOLD_T.
module primer #(
    parameter PURGE_T = 100,
    parameter FILL_T  = 300,
    parameter HOLD_T  = 50
) (
    input            clk,
    input            rst,
    input            start,
    input            fault,
    output reg [2:0] valve,
    output reg       motor,
    output reg       ready
);
    localparam [2:0] IDLE = 3'd0, PURGE = 3'd1, FILL = 3'd2, SETTLE = 3'd3, RUN = 3'd4;
    reg [2:0]  st;
    reg [15:0] t;

    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE; t <= 16'd0; valve <= 3'b000; motor <= 1'b0; ready <= 1'b0;
        end else begin
            case (st)
                IDLE: if (start) begin
                    st <= PURGE; valve <= 3'b100; motor <= 1'b1;
                end
                PURGE: if (t == PURGE_T - 1) begin
                    t <= 16'd0; st <= FILL; valve <= 3'b011;
                end else t <= t + 16'd1;
                FILL: if (t == FILL_T - 1) begin
                    t <= 16'd0; st <= SETTLE; valve <= 3'b001; motor <= 1'b0;
                end else t <= t + 16'd1;
                SETTLE: if (t == HOLD_T - 1) begin
                    t <= 16'd0; st <= RUN; ready <= 1'b1; motor <= 1'b1;
                end else t <= t + 16'd1;
                RUN: if (fault) begin
                    st <= IDLE; valve <= 3'b000; motor <= 1'b0; ready <= 1'b0;
                end
                default: st <= IDLE;
            endcase
        end
    end
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
