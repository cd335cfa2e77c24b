// Run length is 0..63 (6 bits), and 'have' is (run != 0).
module rle_top (
  input            clk,
  input            rst,
  input            in_valid,
  input      [7:0] in_byte,
  output reg       out_valid,
  output reg [7:0] out_byte,
  output reg [7:0] out_run
);
  reg [7:0] cur;
  reg [5:0] run;
  wire have = (run != 6'd0);
  always @(posedge clk) begin
    if (rst) begin
      cur <= 8'd0; run <= 6'd0;
      out_valid <= 1'b0; out_byte <= 8'd0; out_run <= 8'd0;
    end else begin
      out_valid <= 1'b0;
      if (in_valid) begin
        if (have && in_byte == cur && run != 6'd63) begin
          run <= run + 1'b1;
        end else begin
          if (have) begin
            out_valid <= 1'b1;
            out_byte  <= cur;
            out_run   <= {2'b00, run};
          end
          cur <= in_byte;
          run <= 6'd1;
        end
      end
    end
  end
endmodule
