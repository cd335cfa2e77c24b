// Sensor conditioning pipeline: only the valid bits are reset; the data
// registers are not (the output is masked by valid).
module stage_offset #(
    parameter int W = 12
) (
    input  logic                clk,
    input  logic                rst_n,
    input  logic                vi,
    input  logic [W-1:0]        xi,
    input  logic [W-1:0]        ofs,
    output logic                vo,
    output logic signed [W:0]   yo
);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) vo <= 1'b0;
        else        vo <= vi;
    always_ff @(posedge clk)
        yo <= $signed({1'b0, xi}) - $signed({1'b0, ofs});
endmodule

module stage_gain #(
    parameter int W = 12
) (
    input  logic                clk,
    input  logic                rst_n,
    input  logic                vi,
    input  logic signed [W:0]   xi,
    output logic                vo,
    output logic signed [W+1:0] yo
);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) vo <= 1'b0;
        else        vo <= vi;
    always_ff @(posedge clk)
        yo <= xi + (xi >>> 1);
endmodule

module stage_clamp #(
    parameter int W = 12
) (
    input  logic                clk,
    input  logic                rst_n,
    input  logic                vi,
    input  logic signed [W+1:0] xi,
    output logic                vo,
    output logic [W-1:0]        yo
);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) vo <= 1'b0;
        else        vo <= vi;
    always_ff @(posedge clk)
        if (xi < 0)                               yo <= '0;
        else if (xi > $signed({2'b0, {W{1'b1}}})) yo <= '1;
        else                                      yo <= xi[W-1:0];
endmodule

module cond_pipe #(
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic         in_vld,
    input  logic [W-1:0] in_dat,
    input  logic [W-1:0] offset,
    output logic         out_vld,
    output logic [W-1:0] out_dat
);
    logic              v1, v2, v3;
    logic signed [W:0]   d1;
    logic signed [W+1:0] d2;
    logic [W-1:0]        d3;
    stage_offset #(.W(W)) u1 (.clk, .rst_n, .vi(in_vld), .xi(in_dat), .ofs(offset), .vo(v1), .yo(d1));
    stage_gain   #(.W(W)) u2 (.clk, .rst_n, .vi(v1), .xi(d1), .vo(v2), .yo(d2));
    stage_clamp  #(.W(W)) u3 (.clk, .rst_n, .vi(v2), .xi(d2), .vo(v3), .yo(d3));
    assign out_vld = v3;
    assign out_dat = v3 ? d3 : '0;
endmodule

module sensor_cond (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       in_vld,
    input  logic [9:0] in_dat,
    input  logic [9:0] offset,
    output logic       out_vld,
    output logic [9:0] out_dat
);
    cond_pipe #(.W(10)) u_pipe (.*);
endmodule
