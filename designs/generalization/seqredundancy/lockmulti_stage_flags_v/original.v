// Audio sample pipeline, 4 modules: two filter stages each carry an "idle" flag (reset 1) beside the
// sample; a separate strobe delay line (reset 0) delays the input valid by the same two cycles and
// drives the output valid. Each stage's idle flag is always the inverse of one tap of the delay line
// (the line's last tap has no partner: the last stage's idle flag feeds nothing).
module fstage (
    input             clk,
    input             rst,
    input      [9:0]  din,
    input             idle_in,
    output reg [9:0]  dout,
    output reg        idle_out
);
    always @(posedge clk) begin
        if (rst) begin
            dout     <= 10'd0;
            idle_out <= 1'b1;
        end else begin
            dout     <= idle_in ? 10'd0 : din + {din[9], din[9:1]};
            idle_out <= idle_in;
        end
    end
endmodule

module strobe_line (
    input        clk,
    input        rst,
    input        v_in,
    output       v_out
);
    reg [2:0] taps;
    always @(posedge clk)
        if (rst) taps <= 3'b000;
        else     taps <= {taps[1:0], v_in};
    assign v_out = taps[2];
endmodule

module fir_out (
    input        clk,
    input        rst,
    input  [9:0] d,
    input        v,
    output reg [9:0] q
);
    always @(posedge clk)
        if (rst)    q <= 10'd0;
        else if (v) q <= d;
endmodule

module audio_pipe (
    input        clk,
    input        rst,
    input        in_valid,
    input  [9:0] sample,
    output [9:0] out_sample,
    output       out_valid
);
    wire [9:0] s1, s2;
    wire       i1, i2, i3;
    fstage u_a (.clk(clk), .rst(rst), .din(sample), .idle_in(!in_valid), .dout(s1), .idle_out(i1));
    fstage u_b (.clk(clk), .rst(rst), .din(s1), .idle_in(i1), .dout(s2), .idle_out(i2));
    fstage u_c (.clk(clk), .rst(rst), .din(s2), .idle_in(i2), .dout(), .idle_out(i3));
    strobe_line u_line (.clk(clk), .rst(rst), .v_in(in_valid), .v_out(out_valid));
    fir_out u_o (.clk(clk), .rst(rst), .d(s2), .v(!i2), .q(out_sample));
endmodule
