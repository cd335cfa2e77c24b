// Highest-priority (MSB) request grant: index from a casez priority
// encoder function in a sub-module, grant = 1 << index.
module prio_idx (
  input  logic [15:0] r,
  output logic [3:0]  idx,
  output logic        any
);
  function automatic logic [4:0] enc(input logic [15:0] v);
    casez (v)
      16'b1???????????????: enc = {1'b1, 4'd15};
      16'b01??????????????: enc = {1'b1, 4'd14};
      16'b001?????????????: enc = {1'b1, 4'd13};
      16'b0001????????????: enc = {1'b1, 4'd12};
      16'b00001???????????: enc = {1'b1, 4'd11};
      16'b000001??????????: enc = {1'b1, 4'd10};
      16'b0000001?????????: enc = {1'b1, 4'd9};
      16'b00000001????????: enc = {1'b1, 4'd8};
      16'b000000001???????: enc = {1'b1, 4'd7};
      16'b0000000001??????: enc = {1'b1, 4'd6};
      16'b00000000001?????: enc = {1'b1, 4'd5};
      16'b000000000001????: enc = {1'b1, 4'd4};
      16'b0000000000001???: enc = {1'b1, 4'd3};
      16'b00000000000001??: enc = {1'b1, 4'd2};
      16'b000000000000001?: enc = {1'b1, 4'd1};
      16'b0000000000000001: enc = {1'b1, 4'd0};
      default: enc = 5'b00000;
    endcase
  endfunction
  assign {any, idx} = enc(r);
endmodule

module msb_grant (
  input  logic [15:0] req,
  output logic [15:0] gnt
);
  logic [3:0] k;
  logic       v;
  prio_idx u_pe (.r(req), .idx(k), .any(v));
  always_comb gnt = v ? (16'd1 << k) : 16'd0;
endmodule
