// 4-way true-LRU replacement state, one always block per way (Verilog-2005 generate). age 0 is the
// most recently used way. A hit touches the hit way; a refill touches the victim (the way at age 3).
module plru_way4 (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       hit,
  input  wire [1:0] hit_way,
  input  wire       refill,
  output reg  [1:0] victim,
  output wire       victim_is_w0
);
  reg  [1:0] age [0:3];
  wire       touch = hit | refill;
  wire [1:0] tway  = hit ? hit_way : victim;

  genvar g;
  generate
    for (g = 0; g < 4; g = g + 1) begin : way
      always @(posedge clk or negedge rst_n)
        if (!rst_n)
          age[g] <= 3 - g;
        else if (touch) begin
          if (tway == g)
            age[g] <= 2'd0;
          else if (age[g] < age[tway])
            age[g] <= age[g] + 2'd1;
        end
    end
  endgenerate

  integer i;
  always @* begin
    victim = 2'd0;
    for (i = 0; i < 4; i = i + 1)
      if (age[i] == 2'd3) victim = i;
  end
  assign victim_is_w0 = (age[0] == 2'd3);
endmodule
