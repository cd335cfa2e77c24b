// A rotating one-hot service ring (never zero after reset) selects the slot word with an AND-OR.
module ring_slot_read (
  input  logic        clk,
  input  logic        rst,
  input  logic        step,
  input  logic [11:0] s0, s1, s2, s3, s4,
  output logic [11:0] rd
);
  logic [4:0] ring;
  always_ff @(posedge clk)
    if (rst)       ring <= 5'b00001;
    else if (step) ring <= {ring[3:0], ring[4]};

  assign rd = ({12{ring[0]}} & s0) | ({12{ring[1]}} & s1) | ({12{ring[2]}} & s2) |
              ({12{ring[3]}} & s3) | ({12{ring[4]}} & s4);
endmodule
