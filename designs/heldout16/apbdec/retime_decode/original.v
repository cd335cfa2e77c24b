// APB peripheral bridge: the setup-phase address is captured and decoded
// in the access phase into four peripheral selects and a register index.
module addr_capture #(
    parameter AW = 32
) (
    input  wire          pclk,
    input  wire          presetn,
    input  wire          psel,
    input  wire          penable,
    input  wire [AW-1:0] paddr,
    output reg  [AW-1:0] addr_q
);
    always @(posedge pclk or negedge presetn)
        if (!presetn)              addr_q <= {AW{1'b0}};
        else if (psel && !penable) addr_q <= paddr;
endmodule

module region_dec #(
    parameter AW   = 32,
    parameter BASE = 32'h4000_0000
) (
    input  wire [AW-1:0] a,
    output wire [3:0]    sel,
    output wire [1:0]    idx
);
    // four 256-byte windows from BASE
    assign sel[0] = (a[AW-1:8] == (BASE >> 8) + 0);
    assign sel[1] = (a[AW-1:8] == (BASE >> 8) + 1);
    assign sel[2] = (a[AW-1:8] == (BASE >> 8) + 2);
    assign sel[3] = (a[AW-1:8] == (BASE >> 8) + 3);
    assign idx    = a[3:2];
endmodule

module apb_bridge #(
    parameter AW   = 32,
    parameter BASE = 32'h4000_0000
) (
    input  wire          pclk,
    input  wire          presetn,
    input  wire          psel,
    input  wire          penable,
    input  wire [AW-1:0] paddr,
    input  wire [31:0]   prdata0,
    input  wire [31:0]   prdata1,
    input  wire [31:0]   prdata2,
    input  wire [31:0]   prdata3,
    output wire [3:0]    psel_p,
    output wire [1:0]    preg,
    output wire [31:0]   prdata,
    output wire          pslverr
);
    wire [AW-1:0] aq;
    wire [3:0]    sel;
    addr_capture #(.AW(AW)) u_cap (.pclk(pclk), .presetn(presetn), .psel(psel), .penable(penable),
                                   .paddr(paddr), .addr_q(aq));
    region_dec #(.AW(AW), .BASE(BASE)) u_dec (.a(aq), .sel(sel), .idx(preg));
    assign psel_p  = (psel && penable) ? sel : 4'b0000;
    assign prdata  = ({32{sel[0]}} & prdata0) | ({32{sel[1]}} & prdata1) |
                     ({32{sel[2]}} & prdata2) | ({32{sel[3]}} & prdata3);
    assign pslverr = psel && penable && (sel == 4'b0000);
endmodule

module periph_bus (
    input  wire        pclk,
    input  wire        presetn,
    input  wire        psel,
    input  wire        penable,
    input  wire [19:0] paddr,
    input  wire [31:0] prdata0,
    input  wire [31:0] prdata1,
    input  wire [31:0] prdata2,
    input  wire [31:0] prdata3,
    output wire [3:0]  psel_p,
    output wire [1:0]  preg,
    output wire [31:0] prdata,
    output wire        pslverr
);
    apb_bridge #(.AW(20), .BASE(20'hA_3400)) u_br (
        .pclk(pclk), .presetn(presetn), .psel(psel), .penable(penable), .paddr(paddr),
        .prdata0(prdata0), .prdata1(prdata1), .prdata2(prdata2), .prdata3(prdata3),
        .psel_p(psel_p), .preg(preg), .prdata(prdata), .pslverr(pslverr));
endmodule
