// Byte-lane placement of a store: one shifter serves the lane-0 and the lane-offset kinds.
module store_lanes (
  input  logic [1:0]  kind,
  input  logic [1:0]  lane,
  input  logic [31:0] wdata,
  output logic [31:0] bus
);
  logic [31:0] shifted;
  assign shifted = wdata << {(kind[1] ? lane : 2'd0), 3'b000};
  always_comb begin
    unique case (kind)
      2'd1:    bus = {16'd0, wdata[15:0]};
      2'd3:    bus = {wdata[15:0], wdata[15:0]};
      default: bus = shifted;
    endcase
  end
endmodule
