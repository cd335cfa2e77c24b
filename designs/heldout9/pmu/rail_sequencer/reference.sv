// Power-rail sequencer: enable core, then I/O, then analog rails, each after its own settling
// delay; a drop of 'en' switches everything off. The three delay timers are never active at the
// same time (each is started on entry to its own step and killed with the sequence), so one
// counter with a step-selected limit serves all three.
module rail_seq #(parameter int D1 = 100, parameter int D2 = 100, parameter int D3 = 100) (
  input  logic clk, rst, en,
  output logic core_en, io_en, ana_en, pgood
);
  localparam int DMAX = (D1 > D2) ? ((D1 > D3) ? D1 : D3) : ((D2 > D3) ? D2 : D3);
  localparam int CW = $clog2(DMAX);
  typedef enum logic [1:0] {OFF, S_CORE, S_IO, S_ANA} st_t;
  st_t st;
  logic pg, run;
  logic [CW-1:0] c, lim;
  logic hit;
  always_comb begin
    unique case (st)
      S_CORE:  lim = CW'(D1 - 1);
      S_IO:    lim = CW'(D2 - 1);
      default: lim = CW'(D3 - 1);
    endcase
    hit = run && (c == lim);
  end
  always_ff @(posedge clk) begin
    if (rst || !en) begin st <= OFF; pg <= 1'b0; c <= '0; run <= 1'b0; end
    else begin
      if (st == OFF || (st == S_CORE && hit) || (st == S_IO && hit)) begin c <= '0; run <= 1'b1; end
      else if (run) begin
        if (hit) begin c <= '0; run <= 1'b0; end
        else c <= c + 1'b1;
      end
      unique case (st)
        OFF:    st <= S_CORE;
        S_CORE: if (hit) st <= S_IO;
        S_IO:   if (hit) st <= S_ANA;
        S_ANA:  if (hit) pg <= 1'b1;
      endcase
    end
  end
  assign core_en = (st != OFF);
  assign io_en   = (st == S_IO) || (st == S_ANA);
  assign ana_en  = (st == S_ANA);
  assign pgood   = pg;
endmodule

module board_pmu (
  input  logic clk, rst, en,
  output logic core_en, io_en, ana_en, pgood
);
  rail_seq #(.D1(20), .D2(12), .D3(6)) u_seq (.*);
endmodule
