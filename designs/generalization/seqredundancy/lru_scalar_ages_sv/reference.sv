// 4-way true-LRU of a small TLB as a pairwise order matrix: older[i][j] (i < j) = way i was used less
// recently than way j. A hit on a way makes it newer than every other way; the replacement way is
// older than all the rest.
module tlb_ages4 (
  input  logic       clk,
  input  logic       rst,
  input  logic       hit,
  input  logic [1:0] hit_way,
  output logic [1:0] repl_way,
  output logic       hit_mru
);
  // reset order: way 0 newest, way 3 oldest -> every lower way newer (older[i][j] = 0)
  logic o01, o02, o03, o12, o13, o23;
  always_ff @(posedge clk)
    if (rst) {o01, o02, o03, o12, o13, o23} <= '0;
    else if (hit)
      unique case (hit_way)
        2'd0: begin o01 <= 1'b0; o02 <= 1'b0; o03 <= 1'b0; end
        2'd1: begin o01 <= 1'b1; o12 <= 1'b0; o13 <= 1'b0; end
        2'd2: begin o02 <= 1'b1; o12 <= 1'b1; o23 <= 1'b0; end
        default: begin o03 <= 1'b1; o13 <= 1'b1; o23 <= 1'b1; end
      endcase
  logic [3:0] newest;
  assign newest[0] = !o01 && !o02 && !o03;
  assign newest[1] =  o01 && !o12 && !o13;
  assign newest[2] =  o02 &&  o12 && !o23;
  assign newest[3] =  o03 &&  o13 &&  o23;
  always_comb begin
    repl_way = 2'd0;
    if (!o01 && o12 && o13) repl_way = 2'd1;
    if (!o02 && !o12 && o23) repl_way = 2'd2;
    if (!o03 && !o13 && !o23) repl_way = 2'd3;
  end
  assign hit_mru = newest[hit_way];
endmodule
