// Per-port byte statistics for a small Ethernet switch: ports report
// frame lengths into holding registers; a round-robin TDM slot token
// services one port per cycle, whose byte counter adds the held length.
// Only the slot's port can add, so one adder serves all counters: the
// slot's counter and length are selected by the one-hot token.
module len_hold #(
    parameter int LW = 11
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          eof,
    input  logic [LW-1:0] len,
    input  logic          taken,
    output logic          pend,
    output logic [LW-1:0] held
);
    always_ff @(posedge clk)
        if (rst) begin
            pend <= 1'b0; held <= '0;
        end else if (eof) begin
            pend <= 1'b1; held <= len;
        end else if (taken)
            pend <= 1'b0;
endmodule

module tdm_token #(
    parameter int P = 4
) (
    input  logic         clk,
    input  logic         rst,
    output logic [P-1:0] slot
);
    always_ff @(posedge clk)
        if (rst) slot <= P'(1);
        else     slot <= {slot[P-2:0], slot[P-1]};
endmodule

module rd_mux #(
    parameter int P  = 4,
    parameter int CW = 32
) (
    input  logic [P-1:0][CW-1:0] bytes,
    input  logic [$clog2(P)-1:0] sel,
    output logic [CW-1:0]        q
);
    assign q = bytes[sel];
endmodule

module port_stats #(
    parameter int P  = 4,
    parameter int LW = 11,
    parameter int CW = 32
) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic [P-1:0]          eof,
    input  logic [P-1:0][LW-1:0]  len,
    input  logic                  clr,
    input  logic [$clog2(P)-1:0]  rd_port,
    output logic [CW-1:0]         rd_bytes
);
    logic [P-1:0]         slot, pend, take;
    logic [P-1:0][LW-1:0] held;
    logic [P-1:0][CW-1:0] bytes;

    tdm_token #(.P(P)) u_tok (.clk, .rst, .slot);
    logic [CW-1:0]        cur, sum;
    logic [LW-1:0]        hl;
    for (genvar k = 0; k < P; k++) begin : g_port
        assign take[k] = slot[k] & pend[k] & ~eof[k];
        len_hold #(.LW(LW)) u_hold (.clk, .rst, .eof(eof[k]), .len(len[k]), .taken(take[k]),
                                    .pend(pend[k]), .held(held[k]));
    end
    // AND-OR select by the one-hot slot token
    always_comb begin
        cur = '0;
        hl  = '0;
        for (int k = 0; k < P; k++) begin
            cur |= bytes[k] & {CW{slot[k]}};
            hl  |= held[k]  & {LW{slot[k]}};
        end
    end
    assign sum = cur + hl;
    always_ff @(posedge clk)
        for (int k = 0; k < P; k++)
            if (rst || clr)   bytes[k] <= '0;
            else if (take[k]) bytes[k] <= sum;
    rd_mux #(.P(P), .CW(CW)) u_rd (.bytes, .sel(rd_port), .q(rd_bytes));
endmodule

module switch_stats (
    input  logic             clk,
    input  logic             rst,
    input  logic [2:0]       eof,
    input  logic [2:0][5:0]  len,
    input  logic             clr,
    input  logic [1:0]       rd_port,
    output logic [11:0]      rd_bytes
);
    port_stats #(.P(3), .LW(6), .CW(12)) u_st (.*);
endmodule
