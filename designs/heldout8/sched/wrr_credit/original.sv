// Weighted round-robin scheduler over four queues: the current queue may send up to
// its weight in consecutive grants, then the pointer moves on.
module wrr4 #(parameter int W0 = 4, parameter int W1 = 4, parameter int W2 = 4, parameter int W3 = 4) (
  input  logic       clk,
  input  logic       rst,
  input  logic [3:0] req,
  output logic [3:0] gnt,
  output logic [1:0] cur
);
  int credit;

  function automatic int weight(input logic [1:0] q);
    case (q)
      2'd0:    weight = W0;
      2'd1:    weight = W1;
      2'd2:    weight = W2;
      default: weight = W3;
    endcase
  endfunction

  always_comb gnt = req[cur] ? (4'b0001 << cur) : 4'b0000;

  always_ff @(posedge clk) begin
    if (rst) begin
      cur    <= 2'd0;
      credit <= W0;
    end else if (!req[cur] || credit == 1) begin
      cur    <= cur + 2'd1;
      credit <= weight(cur + 2'd1);
    end else begin
      credit <= credit - 1;
    end
  end
endmodule

module wrr_top (
  input  logic       clk,
  input  logic       rst,
  input  logic [3:0] req,
  output logic [3:0] gnt,
  output logic [1:0] cur
);
  wrr4 #(.W0(6), .W1(3), .W2(2), .W3(1)) u_wrr (.*);
endmodule
