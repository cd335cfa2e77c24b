module rotl16 (
  input      [15:0] a,
  input      [3:0]  r,
  output reg [15:0] y
);
  reg [15:0] t1, t2, t3;
  always @* begin
    t1 = r[0] ? {a[14:0],  a[15]}    : a;
    t2 = r[1] ? {t1[13:0], t1[15:14]} : t1;
    t3 = r[2] ? {t2[11:0], t2[15:12]} : t2;
    y  = r[3] ? {t3[7:0],  t3[15:8]}  : t3;
  end
endmodule
