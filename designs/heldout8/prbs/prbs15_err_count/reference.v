// The error counter saturates at 255: 8 bits, zero-extended on the port.
module prbs_rx_mon (
  input         clk,
  input         rst,
  input         en,
  input         din,
  output [15:0] err_cnt,
  output        err_flag
);
  reg [14:0] s;
  reg [7:0]  errors;
  assign err_flag = en & (din ^ s[14] ^ s[13]);
  always @(posedge clk) begin
    if (rst) begin
      s      <= 15'd0;
      errors <= 8'd0;
    end else if (en) begin
      s <= {s[13:0], din};
      if (err_flag && errors != 8'hFF) errors <= errors + 1'b1;
    end
  end
  assign err_cnt = {8'd0, errors};
endmodule
