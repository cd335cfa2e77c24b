// Three-stage sample pipeline with a parity check over everything in flight.
module stage_parity (
    input  wire        clk,
    input  wire        arst,
    input  wire        en,
    input  wire [11:0] d,
    output wire [11:0] tail,
    output wire        chk
);
    reg [11:0] s0, s1, s2;
    always @(posedge clk or posedge arst)
        if (arst) s0 <= 12'h000;
        else if (en) s0 <= d;
    always @(posedge clk or posedge arst)
        if (arst) s1 <= 12'h000;
        else if (en) s1 <= s0;
    always @(posedge clk or posedge arst)
        if (arst) s2 <= 12'h000;
        else if (en) s2 <= s1;
    assign chk  = ^{s2, s1, s0};
    assign tail = s2;
endmodule
