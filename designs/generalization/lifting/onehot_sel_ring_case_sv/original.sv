// A rotating one-hot service ring (never zero after reset) is encoded by a casez table (idle value 4)
// and the slot number selects the slot register's word with a case statement.
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

  logic [2:0] slot;
  always_comb begin
    casez (ring)
      5'b????1: slot = 3'd0;
      5'b???10: slot = 3'd1;
      5'b??100: slot = 3'd2;
      5'b?1000: slot = 3'd3;
      default:  slot = 3'd4;
    endcase
  end

  always_comb begin
    case (slot)
      3'd0:    rd = s0;
      3'd1:    rd = s1;
      3'd2:    rd = s2;
      3'd3:    rd = s3;
      default: rd = s4;
    endcase
  end
endmodule
