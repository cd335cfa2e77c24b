// Block interleaver address generator: addr and step both stay below N,
// so the modulo is one conditional subtraction (and the programmed stride,
// below 2N, also needs only one).
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
    always @(posedge clk)
        if (rst)         step <= {{(AW-1){1'b0}}, 1'b1};
        else if (cfg_we) step <= (cfg_step >= N) ? cfg_step - N : cfg_step;
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
    wire [AW:0] sum  = addr + step;
    wire [AW:0] diff = sum - N;
    always @(posedge clk)
        if (rst || start) addr <= {AW{1'b0}};
        else if (adv)     addr <= diff[AW] ? sum[AW-1:0] : diff[AW-1:0];
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
