// Event time-stamp unit: on a freeze request every channel's free-running
// timestamp is frozen together with the channel the host asked for (freeze
// module); a separate report module formats only the asked-for channel's
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
    output logic [NCH-1:0][TW-1:0] frozen,
    output logic [2:0]            ask_q
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            frozen <= '0;
            ask_q  <= 3'd0;
        end else begin
            if (freeze) frozen <= now;
            if (freeze) ask_q  <= ask;
        end
    end
endmodule

module ts_report #(
    parameter int NCH = 6,
    parameter int TW  = 14
) (
    input  logic                  clk,
    input  logic                  rst_n,
    input  logic                  rd,
    input  logic [NCH-1:0][TW-1:0] frozen,
    input  logic [2:0]            ask_q,
    output logic [TW:0]           report
);
    logic [TW-1:0] stamp;
    always_comb stamp = frozen[ask_q];
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
    logic [5:0][13:0] frozen;
    logic [2:0]       ask_q;
    ts_freeze #(.NCH(6), .TW(14)) u_frz (.*);
    ts_report #(.NCH(6), .TW(14)) u_rep (.*);
endmodule
