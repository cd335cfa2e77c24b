module holdoff4 (
  input  logic       clk,
  input  logic       rst,
  input  logic [3:0] kick,
  output logic [3:0] busy,
  output logic [3:0] expired
);
  logic [5:0] tmr [4];

  always_ff @(posedge clk) begin
    for (int i = 0; i < 4; i++) begin
      if (rst)
        tmr[i] <= 6'd0;
      else if (kick[i])
        tmr[i] <= 6'd45;
      else if (tmr[i] != 6'd0)
        tmr[i] <= tmr[i] - 6'd1;
    end
  end

  always_comb begin
    for (int i = 0; i < 4; i++) begin
      busy[i]    = tmr[i] != 6'd0;
      expired[i] = tmr[i] == 6'd1;
    end
  end
endmodule
