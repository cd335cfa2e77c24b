// The pulse width saturates at 200: 8 bits.
module ir_rx_top (
  input            clk,
  input            rst,
  input            tick,
  input            din,
  output reg       sym_valid,
  output reg [1:0] sym
);
  reg       prev;
  reg [7:0] width;
  always @(posedge clk) begin
    if (rst) begin
      prev <= 1'b0; width <= 8'd0; sym_valid <= 1'b0; sym <= 2'd0;
    end else begin
      sym_valid <= 1'b0;
      prev      <= din;
      if (din) begin
        if (tick && width != 8'd200) width <= width + 1'b1;
      end else begin
        if (prev) begin
          sym_valid <= 1'b1;
          if (width < 8'd40)       sym <= 2'd0;
          else if (width < 8'd120) sym <= 2'd1;
          else                     sym <= 2'd2;
        end
        width <= 8'd0;
      end
    end
  end
endmodule
