// match-progress flags: m[k] = the last k+1 nibbles are the first k+1 nibbles of A 5 A 5
module nib_sync (
  input  logic       clk,
  input  logic       rst_n,
  input  logic [3:0] nib,
  output logic       locked
);
  logic [3:0] m;
  always_ff @(posedge clk) begin
    if (!rst_n) m <= 4'b0000;
    else m <= {m[2] & (nib == 4'h5), m[1] & (nib == 4'hA), m[0] & (nib == 4'h5), nib == 4'hA};
  end
  assign locked = m[3];
endmodule
