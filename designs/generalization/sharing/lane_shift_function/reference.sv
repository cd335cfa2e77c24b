// Byte-lane placement of a store: a parallel case on the kind (the lane shift is a 4-way byte mux;
// sharing it with the lane-0 kind costs more than the mux input it saves at this width).
module store_lanes (
  input  logic [1:0]  kind,
  input  logic [1:0]  lane,
  input  logic [31:0] wdata,
  output logic [31:0] bus
);
  always_comb begin
    unique case (kind)
      2'd0:    bus = wdata;
      2'd1:    bus = {16'd0, wdata[15:0]};
      2'd2:    bus = wdata << {lane, 3'b000};
      default: bus = {wdata[15:0], wdata[15:0]};
    endcase
  end
endmodule
