// Event time-stamp unit: on a freeze request the timestamp of the channel the host asked
// for is frozen (freeze module); a separate report module formats only the asked-for channel's
// frozen stamp, with its parity, into the report register when the host reads.
module ts_freeze #(
    parameter int NCH = 6,
    parameter int TW  = 14
) (
    input  logic                  clk,
    input  logic                  rst_n,
    input  logic                  freeze,
    input  logic [NCH-1:0][TW-1:0] now,
    input  logic [2:0]            ask,
    output logic [TW-1:0]         stamp
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)      stamp <= '0;
        else if (freeze) stamp <= now[ask];
    end
endmodule

module ts_report #(
    parameter int NCH = 6,
    parameter int TW  = 14
) (
    input  logic                  clk,
    input  logic                  rst_n,
    input  logic                  rd,
    input  logic [TW-1:0]         stamp,
    output logic [TW:0]           report
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)  report <= '0;
        else if (rd) report <= {^stamp, stamp};
    end
endmodule

module ts_unit (
    input  logic            clk,
    input  logic            rst_n,
    input  logic            freeze,
    input  logic            rd,
    input  logic [5:0][13:0] now,
    input  logic [2:0]      ask,
    output logic [14:0]     report
);
    logic [13:0]      stamp;
    ts_freeze #(.NCH(6), .TW(14)) u_frz (.*);
    ts_report #(.NCH(6), .TW(14)) u_rep (.*);
endmodule
