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
    vec_latch #(.VW(12)) u_lat (.clk(clk), .rst_n(rst_n), .take(take), .vin(vin), .vq(vq));
    vec_class #(.VW(12), .NMI(8'h3c)) u_cls (.v(vq), .cls(cls), .nmi(nmi));
    assign preempt = cls > cur;
endmodule
