// Per-channel read-latency tracker: each channel counts cycles since its request, up to LAT, and
// reports ready once LAT cycles have passed. Counters kept in 16-bit words.
module latency_timers #(
  parameter int NCH = 6,
  parameter int LAT = 9
) (
  input  logic           clk,
  input  logic           rst_n,
  input  logic [NCH-1:0] req,
  output logic [NCH-1:0] ready
);
  logic [3:0] age [NCH];   // 0..LAT (9)

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (int c = 0; c < NCH; c++) age[c] <= '0;
    end else begin
      for (int c = 0; c < NCH; c++) begin
        if (req[c])
          age[c] <= 16'd1;
        else if (age[c] != 16'd0 && age[c] < LAT)
          age[c] <= age[c] + 16'd1;
      end
    end
  end

  always_comb begin
    for (int c = 0; c < NCH; c++) ready[c] = (age[c] >= LAT);
  end
endmodule
