// Programmable address windows (e.g. for a bus firewall): each window has a
// size-aligned base written over APB; an access hits a window when it falls inside.
module win_regs #(
    parameter int NW = 2,
    parameter int AW = 12,
    parameter int SZ = 8
) (
    input  logic                 clk,
    input  logic                 rst_n,
    input  logic                 psel,
    input  logic                 penable,
    input  logic                 pwrite,
    input  logic [3:0]           paddr,
    input  logic [31:0]          pwdata,
    output logic [31:0]          prdata,
    output logic [NW-1:0][AW-1:0] base,
    output logic [NW-1:0]        wen
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            base <= '0;
            wen  <= '0;
        end else if (psel && penable && pwrite) begin
            for (int i = 0; i < NW; i++) begin
                if (paddr == i[3:0]) begin
                    base[i] <= {pwdata[AW-1:SZ], {SZ{1'b0}}};
                    wen[i]  <= pwdata[31];
                end
            end
        end
    end
    always_comb begin
        prdata = '0;
        for (int i = 0; i < NW; i++)
            if (paddr == i[3:0]) prdata = {wen[i], {(31-AW){1'b0}}, base[i]};
    end
endmodule

module win_match #(
    parameter int NW = 2,
    parameter int AW = 12,
    parameter int SZ = 8
) (
    input  logic [AW-1:0]          addr,
    input  logic [NW-1:0][AW-1:0]  base,
    input  logic [NW-1:0]          wen,
    output logic [NW-1:0]          hit
);
    always_comb begin
        for (int i = 0; i < NW; i++)
            hit[i] = wen[i] && (addr >= base[i]) && (addr < base[i] + (1 << SZ));
    end
endmodule

module addr_windows (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        psel,
    input  logic        penable,
    input  logic        pwrite,
    input  logic [3:0]  paddr,
    input  logic [31:0] pwdata,
    output logic [31:0] prdata,
    input  logic [15:0] addr,
    output logic [3:0]  hit,
    output logic        blocked
);
    logic [3:0][15:0] base;
    logic [3:0]       wen;
    win_regs  #(.NW(4), .AW(16), .SZ(10)) u_regs (.*);
    win_match #(.NW(4), .AW(16), .SZ(10)) u_match (.*);
    assign blocked = |hit;
endmodule
