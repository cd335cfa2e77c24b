module opbits (
  input  [15:0] a, b, c,
  input  [2:0]  op,
  output [15:0] y
);
  wire        add = op == 3'b000;
  wire        sub_ac = op == 3'b101;
  wire        sub_cb = op == 3'b110;
  wire [15:0] x = sub_cb ? c : a;
  wire [15:0] z = add ? b : (sub_ac ? c : b);
  wire        sub = !add;
  wire [15:0] s = x + (z ^ {16{sub}}) + sub;
  assign y = (add | sub_ac | sub_cb) ? s : 16'd0;
endmodule
