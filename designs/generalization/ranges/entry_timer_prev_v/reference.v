// Soak-tank sequencer: fill, soak for SOAK_T ticks, drain. Entry actions compare the state with a
// registered copy of it: the soak timer is cleared one cycle after each state change and counts only
// in SOAK, which the machine leaves at t == SOAK_T - 1 (so t <= SOAK_T: 5 bits at SOAK_T = 20).
module entry_timer_prev_v #(
    parameter SOAK_T = 20
) (
    input  wire clk,
    input  wire rst,
    input  wire tick,
    input  wire start,
    input  wire full,
    input  wire empty,
    output reg  valve_in,
    output reg  valve_out
);
    localparam IDLE = 2'd0, FILL = 2'd1, SOAK = 2'd2, DRAIN = 2'd3;
    reg [1:0]  st, st_n, st_q;
    reg [4:0]  t;
    wire       first = (st != st_q);

    always @(posedge clk)
        if (rst) begin
            st   <= IDLE;
            st_q <= IDLE;
        end else begin
            st   <= st_n;
            st_q <= st;
        end

    always @* begin
        st_n = st;
        case (st)
            IDLE:  if (start) st_n = FILL;
            FILL:  if (full) st_n = SOAK;
            SOAK:  if (tick && t == SOAK_T - 1) st_n = DRAIN;
            DRAIN: if (empty) st_n = IDLE;
        endcase
    end

    always @(posedge clk)
        if (rst)                      t <= 5'd0;
        else if (first)               t <= 5'd0;
        else if (tick && st == SOAK)  t <= t + 5'd1;

    always @(posedge clk)
        if (rst) begin
            valve_in  <= 1'b0;
            valve_out <= 1'b0;
        end else begin
            valve_in  <= (st_n == FILL);
            valve_out <= (st_n == DRAIN);
        end
endmodule
