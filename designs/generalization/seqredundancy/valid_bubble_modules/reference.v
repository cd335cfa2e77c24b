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

module pipe_track (
    input        clk, rst, stall, flush, in_valid,
    input  [7:0] data,
    output [7:0] out_data,
    output       out_valid,
    output [1:0] occupancy_hi
);
    wire [2:0] v;
    reg  [7:0] d0, d1, d2;
    valid_pipe  u_v (.clk(clk), .rst(rst), .stall(stall), .flush(flush), .in_valid(in_valid), .v(v));
    always @(posedge clk) if (!stall) begin d0 <= data; d1 <= d0; d2 <= d1; end
    assign out_data = v[2] ? d2 : 8'd0;
    assign out_valid = v[2];
    assign occupancy_hi = {v[2] & v[1], v[0] | v[1]};
endmodule
