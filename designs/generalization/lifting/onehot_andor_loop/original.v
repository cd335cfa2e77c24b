module rd_return (
  input      [3:0]  grant,
  input      [63:0] rdata_bus,
  output reg [15:0] rdata
);
  // each granted port drives its lane; the grant vector is one-hot by construction
  integer p;
  always @* begin
    rdata = 16'd0;
    for (p = 0; p < 4; p = p + 1)
      rdata = rdata | (rdata_bus[p*16 +: 16] & {16{grant[p]}});
  end
endmodule
