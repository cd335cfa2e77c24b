// Pedestrian crossing: a walk phase and a flashing clearance phase, each with
// its own down-counter instance (sync reset, localparam states). Both instances
// connect with '.*': the walk counter's load strobe and length come by name.
module dcount #(parameter W = 5) (
    input  wire         clk,
    input  wire         rst,
    input  wire         load,
    input  wire [W-1:0] len,
    output wire         zero
);
    reg [W-1:0] n;
    always @(posedge clk)
        if (rst)           n <= {W{1'b0}};
        else if (load)     n <= len;
        else if (n != 0)   n <= n - 1'b1;
    assign zero = (n == 0);
endmodule

module crossing (
    input  wire clk,
    input  wire rst,
    input  wire button,
    output wire walk,
    output wire flash
);
    localparam [1:0] WAIT = 2'd0, WALK = 2'd1, CLEAR = 2'd2;
    reg  [1:0] ph;
    wire       load = (ph == WAIT) && button;
    wire [4:0] len  = 5'd20;
    wire       walk_zero, clr_zero;
    wire       clr_load = (ph == WALK) && walk_zero;

    dcount #(.W(5)) u_walk (.*, .zero(walk_zero));
    dcount #(.W(5)) u_clr  (.*, .load(clr_load), .len(5'd9), .zero(clr_zero));

    always @(posedge clk)
        if (rst) ph <= WAIT;
        else case (ph)
            WAIT:    if (button) ph <= WALK;
            WALK:    if (walk_zero) ph <= CLEAR;
            CLEAR:   if (clr_zero) ph <= WAIT;
            default: ph <= WAIT;
        endcase
    assign walk  = (ph == WALK);
    assign flash = (ph == CLEAR);
endmodule
