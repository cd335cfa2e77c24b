// An interrupt vector latch: a 12-bit vector is captured by one module on `take`
// (async active-low reset) and classified by a sibling module into a 3-bit
// priority class and a "is NMI" flag; the latch's word is read nowhere else.
module vec_latch #(parameter VW = 16) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          take,
    input  wire [VW-1:0] vin,
    output reg  [VW-1:0] vq
);
    always @(posedge clk or negedge rst_n)
        if (!rst_n)    vq <= {VW{1'b0}};
        else if (take) vq <= vin;
endmodule

module vec_class #(parameter VW = 16, parameter [7:0] NMI = 8'hff) (
    input  wire [VW-1:0] v,
    output wire [2:0]    cls,
    output wire          nmi
);
    assign cls = (v[VW-1:VW-4] == 4'hf) ? 3'd7 : v[VW-2:VW-4];
    assign nmi = (v[7:0] == NMI);
endmodule

module irq_front (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        take,
    input  wire [11:0] vin,
    input  wire [2:0]  cur,
    output wire        preempt,
    output wire        nmi
);
    wire [11:0] vq;
    wire [2:0]  cls;
    vec_latch_rtlopt_iu_lat #(.VW(12)) u_lat (.clk(clk), .rst_n(rst_n), .take(take), .vin(vin), .u_cls_cls(cls), .u_cls_nmi(nmi));
    assign preempt = cls > cur;
endmodule

module vec_latch_rtlopt_iu_lat #(parameter VW = 16) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          take,
    input  wire [VW-1:0] vin,
    output wire [2:0] u_cls_cls,
    output wire u_cls_nmi
);
    reg [2:0] vq_f1;
    reg vq_f0;
    localparam u_cls_VW = 12;
    localparam u_cls_NMI = 8'd60;
    assign u_cls_cls = vq_f1;
    assign u_cls_nmi = vq_f0;
    always @(posedge clk or negedge rst_n)
        if (!rst_n)    begin vq_f0 <= (8'h0 == u_cls_NMI); vq_f1 <= (4'h0 == 4'hf) ? 3'd7 : 3'h0; end
        else if (take) begin vq_f0 <= (vin[7:0] == u_cls_NMI); vq_f1 <= (vin[u_cls_VW-1:u_cls_VW-4] == 4'hf) ? 3'd7 : vin[u_cls_VW-2:u_cls_VW-4]; end
endmodule
