// Byte run-length encoder: emits (byte, run) when the byte changes or the run is full.
module rle #(parameter MAXRUN = 255) (
  input            clk,
  input            rst,
  input            in_valid,
  input      [7:0] in_byte,
  output reg       out_valid,
  output reg [7:0] out_byte,
  output reg [7:0] out_run
);
  reg [7:0]  cur;
  reg [15:0] run;
  reg        have;
  always @(posedge clk) begin
    if (rst) begin
      cur <= 8'd0; run <= 16'd0; have <= 1'b0;
      out_valid <= 1'b0; out_byte <= 8'd0; out_run <= 8'd0;
    end else begin
      out_valid <= 1'b0;
      if (in_valid) begin
        if (have && in_byte == cur && run < MAXRUN) begin
          run <= run + 1'b1;
        end else begin
          if (have) begin
            out_valid <= 1'b1;
            out_byte  <= cur;
            out_run   <= run[7:0];
          end
          cur  <= in_byte;
          run  <= 16'd1;
          have <= 1'b1;
        end
      end
    end
  end
endmodule

module rle_top (
  input        clk,
  input        rst,
  input        in_valid,
  input  [7:0] in_byte,
  output       out_valid,
  output [7:0] out_byte,
  output [7:0] out_run
);
  rle #(.MAXRUN(63)) u_rle (.clk(clk), .rst(rst), .in_valid(in_valid), .in_byte(in_byte),
                            .out_valid(out_valid), .out_byte(out_byte), .out_run(out_run));
endmodule
