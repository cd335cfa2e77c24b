// Block interleaver address generator (relatively-prime stride over a
// non-power-of-two block): addr(k+1) = (addr(k) + step) mod N.
module step_cfg #(
    parameter AW = 10,
    parameter N  = 600
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          cfg_we,
    input  wire [AW-1:0] cfg_step,
    output reg  [AW-1:0] step
);
    // the programmed stride is reduced into the block once
    always @(posedge clk)
        if (rst)         step <= {{(AW-1){1'b0}}, 1'b1};
        else if (cfg_we) step <= cfg_step % N;
endmodule

module addr_gen #(
    parameter AW = 10,
    parameter N  = 600
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          start,
    input  wire          adv,
    input  wire [AW-1:0] step,
    output reg  [AW-1:0] addr
);
    wire [AW:0] sum = addr + step;
    always @(posedge clk)
        if (rst || start) addr <= {AW{1'b0}};
        else if (adv)     addr <= sum % N;
endmodule

module ilv_top (
    input  wire       clk,
    input  wire       rst,
    input  wire       cfg_we,
    input  wire [8:0] cfg_step,
    input  wire       start,
    input  wire       adv,
    output wire [8:0] rd_addr
);
    wire [8:0] step;
    step_cfg #(.AW(9), .N(375)) u_cfg (.clk(clk), .rst(rst), .cfg_we(cfg_we), .cfg_step(cfg_step), .step(step));
    addr_gen #(.AW(9), .N(375)) u_gen (.clk(clk), .rst(rst), .start(start), .adv(adv), .step(step), .addr(rd_addr));
endmodule
