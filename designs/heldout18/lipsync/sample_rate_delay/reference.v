// Audio lip-sync delay: audio samples held at the sample rate are delayed
// by a generic clock-rate delay line.
module strobe_gen #(parameter DIV = 8) (
  input clk, input rst_n, output reg stb
);
  reg [3:0] c;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin c <= 4'd0; stb <= 1'b0; end
    else begin
      c   <= (c == DIV - 1) ? 4'd0 : c + 1'b1;
      stb <= (c == DIV - 1);
    end
endmodule

module sample_reg #(parameter W = 16) (
  input clk, input rst_n, input stb, input [W-1:0] din, output reg [W-1:0] q
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= {W{1'b0}};
    else if (stb) q <= din;
endmodule

module delay_line #(parameter W = 16, parameter D = 8) (
  input clk, input rst_n, input [W-1:0] x, output [W-1:0] y
);
  reg [W-1:0] r [0:D-1];
  integer i;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      for (i = 0; i < D; i = i + 1) r[i] <= {W{1'b0}};
    end else begin
      r[0] <= x;
      for (i = 1; i < D; i = i + 1) r[i] <= r[i-1];
    end
  assign y = r[D-1];
endmodule

module lipsync (
  input clk, input rst_n, input [7:0] audio_in,
  output [7:0] audio_out, output [7:0] audio_now, output frame_stb
);
  wire [7:0] s;
  strobe_gen #(.DIV(4)) u_stb (.clk(clk), .rst_n(rst_n), .stb(frame_stb));
  sample_reg #(.W(8)) u_smp (.clk(clk), .rst_n(rst_n), .stb(frame_stb), .din(audio_in), .q(s));
  // s only changes after a strobe, every 4 cycles in phase: 16 clock-rate
  // stages are 4 sample-rate stages clocked by the strobe
  reg [7:0] z0, z1, z2, z3;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin z0 <= 8'd0; z1 <= 8'd0; z2 <= 8'd0; z3 <= 8'd0; end
    else if (frame_stb) begin z0 <= s; z1 <= z0; z2 <= z1; z3 <= z2; end
  assign audio_out = z3;
  assign audio_now = s;
endmodule
