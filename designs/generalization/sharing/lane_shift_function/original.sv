// Byte-lane placement of a store: the data is put at lane 0, at a programmable lane offset,
// or replicated as a halfword pattern, chosen by the access kind (SystemVerilog function).
module store_lanes (
  input  logic [1:0]  kind,
  input  logic [1:0]  lane,
  input  logic [31:0] wdata,
  output logic [31:0] bus
);
  function automatic logic [31:0] place(input logic [1:0] k, input logic [1:0] l, input logic [31:0] d);
    place = (k == 2'd0) ? d :
            (k == 2'd1) ? {16'd0, d[15:0]} :
            (k == 2'd2) ? (d << {l, 3'b000}) :
                          {d[15:0], d[15:0]};
  endfunction

  assign bus = place(kind, lane, wdata);
endmodule
