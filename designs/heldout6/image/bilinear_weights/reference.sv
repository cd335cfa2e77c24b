// Bilinear weights from one product: w11 = fx*fy, w01 = 16fx - w11, w10 = 16fy - w11, w00 = 256 - 16fx - 16fy + w11.
module bilinear_weights (
  input  logic [3:0] fx,
  input  logic [3:0] fy,
  output logic [8:0] w00,
  output logic [8:0] w01,
  output logic [8:0] w10,
  output logic [8:0] w11
);
  logic [7:0] p;
  always_comb begin
    p   = fx * fy;
    w11 = {1'b0, p};
    w01 = {1'b0, fx, 4'd0} - {1'b0, p};
    w10 = {1'b0, fy, 4'd0} - {1'b0, p};
    w00 = 9'd256 - {1'b0, fx, 4'd0} - {1'b0, fy, 4'd0} + {1'b0, p};
  end
endmodule
