// Fixed-priority arbiter with starvation protection: each requester's wait age saturates
// at AGE_MAX; starving requesters win first (lowest index).
module aging_arb #(parameter int N = 4, parameter int AGE_MAX = 255) (
  input  logic         clk,
  input  logic         rst,
  input  logic [N-1:0] req,
  output logic [N-1:0] gnt,
  output logic         any_starving
);
  logic [N-1:0][7:0] age;
  logic [N-1:0]      waiting;
  logic [N-1:0] starving;

  always_comb begin
    for (int i = 0; i < N; i++) starving[i] = req[i] && (age[i] == 8'(AGE_MAX));
    gnt = '0;
    if (|starving) begin
      for (int i = N - 1; i >= 0; i--) if (starving[i]) gnt = N'(1) << i;
    end else begin
      for (int i = N - 1; i >= 0; i--) if (req[i]) gnt = N'(1) << i;
    end
    any_starving = |starving;
  end

  always_ff @(posedge clk) begin
    if (rst) begin age <= '0; waiting <= '0; end
    else begin
      for (int i = 0; i < N; i++) begin
        if (!req[i] || gnt[i]) begin
          waiting[i] <= 1'b0;
          age[i]     <= '0;
        end else begin
          waiting[i] <= 1'b1;
          if (age[i] != 8'(AGE_MAX)) age[i] <= age[i] + 8'd1;
        end
      end
    end
  end
endmodule

module aging_arb_top (
  input  logic [5:0] req,
  input  logic       clk,
  input  logic       rst,
  output logic [5:0] gnt,
  output logic       any_starving
);
  aging_arb #(.N(6), .AGE_MAX(12)) u_arb (.*);
endmodule
