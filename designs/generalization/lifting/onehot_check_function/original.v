// One-hot state vector checker of a 20-state sequencer: the number of set bits is computed by a
// function; exactly one is legal, none is the idle error, more than one the corruption error.
module onehot_check (
  input  wire [19:0] state_vec,
  output wire        legal,
  output wire        none_set
);
  function [4:0] ones;
    input [19:0] v;
    integer k;
    begin
      ones = 5'd0;
      for (k = 0; k < 20; k = k + 1)
        ones = ones + v[k];
    end
  endfunction

  wire [4:0] n = ones(state_vec);
  assign legal    = (n == 5'd1);
  assign none_set = (n == 5'd0);
endmodule
