// PS/2 receiver: start bit, 8 data bits LSB first, odd parity, stop bit; sampled on ps2_clk falling edges
module ps2_rx (
  input clk, input rst, input ps2_clk, input ps2_dat,
  output reg [7:0] code, output reg code_vld, output reg frame_err
);
  reg [2:0] clk_sync;
  reg [1:0] dat_sync;
  always @(posedge clk) begin
    if (rst) begin
      clk_sync <= 3'b111; dat_sync <= 2'b11;
    end else begin
      clk_sync <= {clk_sync[1:0], ps2_clk};
      dat_sync <= {dat_sync[0], ps2_dat};
    end
  end
  wire fall = clk_sync[2] & ~clk_sync[1];
  wire bit_in = dat_sync[1];

  reg [3:0] bitcnt;
  reg [9:0] sh;          // data bits, parity, stop (shifted in from the top)
  reg       par;         // running XOR of the data bits
  always @(posedge clk) begin
    if (rst) begin
      bitcnt <= 0; sh <= 10'd0; par <= 1'b0; code <= 8'd0; code_vld <= 1'b0; frame_err <= 1'b0;
    end else begin
      code_vld <= 1'b0;
      if (fall) begin
        if (bitcnt == 0) begin
          if (!bit_in) begin bitcnt <= 1; par <= 1'b0; end      // start bit
        end else begin
          sh <= {bit_in, sh[9:1]};
          if (bitcnt <= 8) par <= par ^ bit_in;
          if (bitcnt == 10) begin
            bitcnt <= 0;
            // before this shift sh[9:1] = {parity, d7..d0}
            if (bit_in && (par ^ sh[9]) == 1'b1) begin
              code <= sh[8:1]; code_vld <= 1'b1; frame_err <= 1'b0;
            end else frame_err <= 1'b1;
          end else bitcnt <= bitcnt + 1'b1;
        end
      end
    end
  end
endmodule
