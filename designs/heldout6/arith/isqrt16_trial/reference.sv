// floor(sqrt(x)), digit-by-digit (restoring): two bits of x per step, one subtraction per result bit.
module isqrt16 (
  input  logic [15:0] x,
  output logic [7:0]  root
);
  logic [9:0]  rem  [0:8];
  logic [7:0]  q    [0:8];
  always_comb begin
    rem[0] = 10'd0;
    q[0]   = 8'd0;
    for (int i = 0; i < 8; i++) begin
      logic [10:0] trial;
      logic [9:0]  cur;
      cur   = {rem[i][7:0], x[15-2*i -: 2]};
      trial = {1'b0, cur} - {1'b0, q[i], 2'b01};
      if (!trial[10]) begin
        rem[i+1] = trial[9:0];
        q[i+1]   = {q[i][6:0], 1'b1};
      end else begin
        rem[i+1] = cur;
        q[i+1]   = {q[i][6:0], 1'b0};
      end
    end
    root = q[8];
  end
endmodule
