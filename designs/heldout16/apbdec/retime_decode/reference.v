// APB peripheral bridge: the address is decoded in the setup phase and
// only the four selects and the register index are registered.
module region_dec #(
    parameter AW   = 32,
    parameter BASE = 32'h4000_0000
) (
    input  wire [AW-1:0] a,
    output wire [3:0]    sel,
    output wire [1:0]    idx
);
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
    wire [3:0] sel_d;
    wire [1:0] idx_d;
    reg  [3:0] sel;
    reg  [1:0] idx_q;
    region_dec #(.AW(AW), .BASE(BASE)) u_dec (.a(paddr), .sel(sel_d), .idx(idx_d));
    always @(posedge pclk or negedge presetn)
        if (!presetn) begin
            sel   <= 4'b0000;   // address 0 is outside the windows
            idx_q <= 2'b00;
        end else if (psel && !penable) begin
            sel   <= sel_d;
            idx_q <= idx_d;
        end
    assign preg    = idx_q;
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
