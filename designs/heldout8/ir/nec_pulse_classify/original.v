// IR (NEC-style) receiver front end: measures each high pulse in ticks and classifies it
// on the falling edge as a 0 bit, a 1 bit or a header.
module pulse_class #(parameter MAXW = 1000, parameter T1 = 20, parameter T2 = 60) (
  input            clk,
  input            rst,
  input            tick,
  input            din,
  output reg       sym_valid,
  output reg [1:0] sym          // 0: bit 0, 1: bit 1, 2: header
);
  reg        prev;
  reg [31:0] width;
  always @(posedge clk) begin
    if (rst) begin
      prev <= 1'b0; width <= 32'd0; sym_valid <= 1'b0; sym <= 2'd0;
    end else begin
      sym_valid <= 1'b0;
      prev      <= din;
      if (din) begin
        if (tick && width < MAXW) width <= width + 1;
      end else begin
        if (prev) begin
          sym_valid <= 1'b1;
          if (width < T1)      sym <= 2'd0;
          else if (width < T2) sym <= 2'd1;
          else                 sym <= 2'd2;
        end
        width <= 32'd0;
      end
    end
  end
endmodule

module ir_rx_top (
  input        clk,
  input        rst,
  input        tick,
  input        din,
  output       sym_valid,
  output [1:0] sym
);
  pulse_class #(.MAXW(200), .T1(40), .T2(120)) u_pc (.clk(clk), .rst(rst), .tick(tick), .din(din),
                                                      .sym_valid(sym_valid), .sym(sym));
endmodule
