// The rings only rotate, so they are decode(counter): two 4-bit binary counters.
module rob_top (
  input  logic       clk,
  input  logic       rst,
  input  logic       alloc,
  input  logic       retire,
  output logic [3:0] alloc_tag,
  output logic [3:0] retire_tag
);
  always_ff @(posedge clk) begin
    if (rst) begin
      alloc_tag  <= '0;
      retire_tag <= '0;
    end else begin
      if (alloc)  alloc_tag  <= alloc_tag + 4'd1;
      if (retire) retire_tag <= retire_tag + 4'd1;
    end
  end
endmodule
