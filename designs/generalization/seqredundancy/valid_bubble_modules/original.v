module valid_pipe (
    input        clk, rst, stall, flush, in_valid,
    output [2:0] v
);
    reg [2:0] vq;
    always @(posedge clk) begin
        if (rst || flush)  vq <= 3'b000;
        else if (!stall)   vq <= {vq[1:0], in_valid};
    end
    assign v = vq;
endmodule

module bubble_pipe (
    input        clk, rst, stall, flush, in_valid,
    output       b0, b1, b2
);
    reg b0_q, b1_q, b2_q;
    always @(posedge clk) begin
        if (rst || flush) begin
            b0_q <= 1'b1; b1_q <= 1'b1; b2_q <= 1'b1;
        end else if (!stall) begin
            b0_q <= ~in_valid;
            b1_q <= b0_q;
            b2_q <= b1_q;
        end
    end
    assign b0 = b0_q;
    assign b1 = b1_q;
    assign b2 = b2_q;
endmodule

module pipe_track (
    input        clk, rst, stall, flush, in_valid,
    input  [7:0] data,
    output [7:0] out_data,
    output       out_valid,
    output [1:0] occupancy_hi
);
    wire [2:0] v;
    wire b0, b1, b2;
    reg  [7:0] d0, d1, d2;
    valid_pipe  u_v (.clk(clk), .rst(rst), .stall(stall), .flush(flush), .in_valid(in_valid), .v(v));
    bubble_pipe u_b (.clk(clk), .rst(rst), .stall(stall), .flush(flush), .in_valid(in_valid),
                     .b0(b0), .b1(b1), .b2(b2));
    always @(posedge clk) if (!stall) begin d0 <= data; d1 <= d0; d2 <= d1; end
    assign out_data = b2 ? 8'd0 : d2;
    assign out_valid = v[2];
    assign occupancy_hi = {~b2 & ~b1, v[0] | v[1]};
endmodule
