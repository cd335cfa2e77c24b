module grant_q (
  input             clk,
  input             rst,
  input             load,
  input      [15:0] req,
  output reg [3:0]  gnt_idx,
  output reg        gnt_vld
);
  // isolate the lowest request, then encode the one-hot word
  wire [15:0] low = req & (~req + 16'd1);
  always @(posedge clk) begin
    if (rst) begin
      gnt_idx <= 4'd0;
      gnt_vld <= 1'b0;
    end else if (load) begin
      gnt_idx <= {|(low & 16'hFF00), |(low & 16'hF0F0), |(low & 16'hCCCC), |(low & 16'hAAAA)};
      gnt_vld <= |req;
    end
  end
endmodule
