// Event recorder: first and latest event time stamps and an event count,
// against a free-running (saturating) timebase.
module timebase #(
    parameter int W = 16
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         tick,
    output logic [W-1:0] ts
);
    always_ff @(posedge clk) begin
        if (rst)                 ts <= '0;
        else if (tick && ~&ts)   ts <= ts + 1'b1;
    end
endmodule

module ev_log #(
    parameter int W  = 16,
    parameter int NS = 1
) (
    input  logic          clk,
    input  logic          rst,
    input  logic [NS-1:0] ev,
    input  logic [W-1:0]  ts,
    output logic [W-1:0]  first_ts,
    output logic [W-1:0]  last_ts,
    output logic          seen,
    output logic [7:0]    nev
);
    always_ff @(posedge clk) begin
        if (rst) begin
            first_ts <= '0;
            last_ts  <= '0;
            seen     <= 1'b0;
            nev      <= '0;
        end else if (|ev) begin
            if (!seen) first_ts <= ts;
            seen    <= 1'b1;
            last_ts <= ts;   // the timebase never decreases: ts is the latest time
            if (~&nev) nev <= nev + 1'b1;
        end
    end
endmodule

module evt_recorder (
    input  logic        clk,
    input  logic        rst,
    input  logic        tick,
    input  logic [1:0]  ev,
    output logic [9:0]  first_ts,
    output logic [9:0]  last_ts,
    output logic        seen,
    output logic [7:0]  nev
);
    logic [9:0] ts;
    timebase #(.W(10))        u_tb  (.*);
    ev_log   #(.W(10), .NS(2)) u_log (.*);
endmodule
