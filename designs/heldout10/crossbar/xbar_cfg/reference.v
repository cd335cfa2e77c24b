// Static-routed 4x3 crossbar: a configuration block holds the binary source
// select of each output; the datapath muxes with those selects and registers
// the outputs.
module xbar_cfg #(
    parameter NO = 4
) (
    input               clk,
    input               rst_n,
    input               we,
    input      [1:0]    port,
    input      [1:0]    src,
    output reg [2*NO-1:0] sel
);
    integer o;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            sel <= {2*NO{1'b0}};
        else if (we)
            for (o = 0; o < NO; o = o + 1)
                if (port == o) sel[2*o +: 2] <= src;
    end
endmodule

module xbar_data #(
    parameter NO = 4,
    parameter W  = 16
) (
    input               clk,
    input               rst_n,
    input      [2*NO-1:0] sel,    // binary source select per output
    input      [4*W-1:0] din,
    output reg [NO*W-1:0] dout
);
    reg [NO*W-1:0] mux;
    integer o;

    always @(*) begin
        for (o = 0; o < NO; o = o + 1)
            mux[W*o +: W] = din[W*sel[2*o +: 2] +: W];
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            dout <= {NO*W{1'b0}};
        else
            dout <= mux;
    end
endmodule

module xbar_top (
    input          clk,
    input          rst_n,
    input          cfg_we,
    input  [1:0]   cfg_port,
    input  [1:0]   cfg_src,
    input  [39:0]  din,
    output [29:0]  dout,
    output [5:0]   route
);
    xbar_cfg #(.NO(3)) u_cfg (
        .clk(clk), .rst_n(rst_n), .we(cfg_we), .port(cfg_port), .src(cfg_src), .sel(route)
    );
    // the one-hot copies were always decode(sel): use the config block's selects
    xbar_data #(.NO(3), .W(10)) u_data (
        .clk(clk), .rst_n(rst_n), .sel(route), .din(din), .dout(dout)
    );
endmodule
