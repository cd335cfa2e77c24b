module rd_mux (
  input  [15:0] d0, d1, d2, d3,
  input  [1:0]  sel,
  output [15:0] q
);
  assign q = sel[1] ? (sel[0] ? d3 : d2) : (sel[0] ? d1 : d0);
endmodule
