// True-LRU replacement for one 4-way set as a 6-bit pairwise order matrix: older[i][j] (i < j)
// says way i was used less recently than way j. An access makes the way newer than all others;
// the victim is the way older than the other three.
module lru4_age (
  input  logic clk, rst,
  input  logic access,
  input  logic [1:0] way,
  output logic [1:0] victim
);
  // o01,o02,o03,o12,o13,o23: way i older than way j (reset order: way 3 oldest .. way 0 newest)
  logic o01, o02, o03, o12, o13, o23;
  always_ff @(posedge clk) begin
    if (rst) {o01, o02, o03, o12, o13, o23} <= 6'b000000;
    else if (access) begin
      unique case (way)
        2'd0: {o01, o02, o03} <= 3'b000;
        2'd1: begin o01 <= 1'b1; {o12, o13} <= 2'b00; end
        2'd2: begin o02 <= 1'b1; o12 <= 1'b1; o23 <= 1'b0; end
        2'd3: begin o03 <= 1'b1; o13 <= 1'b1; o23 <= 1'b1; end
      endcase
    end
  end
  always_comb begin
    victim = 2'd0;                              // way 0 older than 1, 2, 3: o01 & o02 & o03
    if (!o01 &&  o12 &&  o13) victim = 2'd1;   // way 1 older than 0, 2, 3
    if (!o02 && !o12 &&  o23) victim = 2'd2;
    if (!o03 && !o13 && !o23) victim = 2'd3;
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
