module rd_mux (
  input  [15:0] d0, d1, d2, d3,
  input  [1:0]  sel,
  output [15:0] q
);
  wire s0 = (sel == 2'd0);
  wire s1 = (sel == 2'd1);
  wire s2 = (sel == 2'd2);
  wire s3 = (sel == 2'd3);
  assign q = ({16{s0}} & d0) | ({16{s1}} & d1) | ({16{s2}} & d2) | ({16{s3}} & d3);
endmodule
