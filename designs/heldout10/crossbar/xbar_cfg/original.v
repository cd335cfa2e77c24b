// Static-routed 4x3 crossbar: a configuration block holds the binary source
// select of each output; the datapath keeps one-hot select copies for an
// AND-OR output mux and registers the outputs.
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
    input               we,
    input      [1:0]    port,
    input      [1:0]    src,
    input      [4*W-1:0] din,
    output reg [NO*W-1:0] dout
);
    reg [4*NO-1:0] oh;      // one-hot select per output
    reg [NO*W-1:0] mux;
    integer o, i;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (o = 0; o < NO; o = o + 1)
                oh[4*o +: 4] <= 4'b0001;
        end else if (we) begin
            for (o = 0; o < NO; o = o + 1)
                if (port == o) oh[4*o +: 4] <= 4'b0001 << src;
        end
    end

    always @(*) begin
        for (o = 0; o < NO; o = o + 1) begin
            mux[W*o +: W] = {W{1'b0}};
            for (i = 0; i < 4; i = i + 1)
                if (oh[4*o + i]) mux[W*o +: W] = mux[W*o +: W] | din[W*i +: W];
        end
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
    xbar_data #(.NO(3), .W(10)) u_data (
        .clk(clk), .rst_n(rst_n), .we(cfg_we), .port(cfg_port), .src(cfg_src),
        .din(din), .dout(dout)
    );
endmodule
