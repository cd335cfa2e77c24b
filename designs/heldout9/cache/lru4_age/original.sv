// True-LRU replacement for one 4-way set: a 2-bit age per way (0 = most recently used). On an
// access the accessed way becomes 0 and every way younger than it ages by one; the victim is age 3.
module lru4_age (
  input  logic clk, rst,
  input  logic access,
  input  logic [1:0] way,
  output logic [1:0] victim
);
  logic [3:0][1:0] age;
  always_ff @(posedge clk) begin
    if (rst) age <= {2'd3, 2'd2, 2'd1, 2'd0};
    else if (access) begin
      for (int i = 0; i < 4; i++) begin
        if (i == way) age[i] <= 2'd0;
        else if (age[i] < age[way]) age[i] <= age[i] + 2'd1;
      end
    end
  end
  always_comb begin
    victim = 2'd0;
    for (int i = 0; i < 4; i++) if (age[i] == 2'd3) victim = 2'(i);
  end
endmodule

module lru_set_pair (
  input  logic clk, rst,
  input  logic acc0, acc1,
  input  logic [1:0] way0, way1,
  output logic [1:0] vic0, vic1
);
  lru4_age u_s0 (.clk, .rst, .access(acc0), .way(way0), .victim(vic0));
  lru4_age u_s1 (.clk, .rst, .access(acc1), .way(way1), .victim(vic1));
endmodule
