// Scrambled address matcher: a request address is matched against a small table
// of protected addresses after both go through the bus scrambler.
module addr_scramble #(
    parameter int W = 32
) (
    input  logic [W-1:0]         a,
    input  logic [W-1:0]         key,
    input  logic [$clog2(W)-1:0] rot,
    output logic [W-1:0]         y
);
    logic [W-1:0] x;
    always_comb begin
        x = a ^ key;
        y = (x << rot) | (x >> (W - rot));
    end
endmodule

module match_core #(
    parameter int W = 32,
    parameter int N = 2
) (
    input  logic [W-1:0]         req,
    input  logic [N-1:0][W-1:0]  prot,
    input  logic [W-1:0]         key,
    input  logic [$clog2(W)-1:0] rot,
    output logic [W-1:0]         req_scr,
    output logic [N-1:0]         hit
);
    logic [N-1:0][W-1:0] prot_scr;
    addr_scramble #(.W(W)) u_req (.a(req), .key(key), .rot(rot), .y(req_scr));
    for (genvar i = 0; i < N; i++) begin : g_ent
        addr_scramble #(.W(W)) u_p (.a(prot[i]), .key(key), .rot(rot), .y(prot_scr[i]));
        assign hit[i] = (prot_scr[i] == req_scr);
    end
endmodule

module scram_match (
    input  logic [15:0]      req,
    input  logic [3:0][15:0] prot,
    input  logic [15:0]      key,
    input  logic [3:0]       rot,
    output logic [15:0]      req_scr,
    output logic [3:0]       hit,
    output logic             any_hit
);
    match_core #(.W(16), .N(4)) u_core (.*);
    assign any_hit = |hit;
endmodule
