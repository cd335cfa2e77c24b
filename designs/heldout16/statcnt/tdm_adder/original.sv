// Per-port byte statistics for a small Ethernet switch: ports report
// frame lengths into holding registers; a round-robin TDM slot token
// services one port per cycle, whose byte counter adds the held length.
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

module byte_ctr #(
    parameter int LW = 11,
    parameter int CW = 32
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          clr,
    input  logic          add,
    input  logic [LW-1:0] len,
    output logic [CW-1:0] bytes
);
    always_ff @(posedge clk)
        if (rst || clr) bytes <= '0;
        else if (add)   bytes <= bytes + len;
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
    for (genvar k = 0; k < P; k++) begin : g_port
        assign take[k] = slot[k] & pend[k] & ~eof[k];
        len_hold #(.LW(LW)) u_hold (.clk, .rst, .eof(eof[k]), .len(len[k]), .taken(take[k]),
                                    .pend(pend[k]), .held(held[k]));
        byte_ctr #(.LW(LW), .CW(CW)) u_ctr (.clk, .rst, .clr, .add(take[k]), .len(held[k]),
                                           .bytes(bytes[k]));
    end
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
