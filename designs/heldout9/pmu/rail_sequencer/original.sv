// Power-rail sequencer: enable core, then I/O, then analog rails, each after its own settling
// delay; a drop of 'en' switches everything off. One delay-timer instance per step.
module dly_timer #(parameter int N = 100) (
  input  logic clk, rst,
  input  logic start, kill,
  output logic done
);
  logic [$clog2(N)-1:0] c;
  logic run;
  always_ff @(posedge clk) begin
    if (rst || kill) begin c <= '0; run <= 1'b0; end
    else if (start) begin c <= '0; run <= 1'b1; end
    else if (run) begin
      if (c == $clog2(N)'(N - 1)) begin c <= '0; run <= 1'b0; end
      else c <= c + 1'b1;
    end
  end
  assign done = run && (c == $clog2(N)'(N - 1));
endmodule

module rail_seq #(parameter int D1 = 100, parameter int D2 = 100, parameter int D3 = 100) (
  input  logic clk, rst, en,
  output logic core_en, io_en, ana_en, pgood
);
  typedef enum logic [1:0] {OFF, S_CORE, S_IO, S_ANA} st_t;
  st_t st;
  logic pg;
  logic d1, d2, d3, go1, go2, go3;
  assign go1 = (st == OFF) && en;
  assign go2 = (st == S_CORE) && en && d1;
  assign go3 = (st == S_IO) && en && d2;
  dly_timer #(.N(D1)) t1 (.clk, .rst, .start(go1), .kill(!en), .done(d1));
  dly_timer #(.N(D2)) t2 (.clk, .rst, .start(go2), .kill(!en), .done(d2));
  dly_timer #(.N(D3)) t3 (.clk, .rst, .start(go3), .kill(!en), .done(d3));
  always_ff @(posedge clk) begin
    if (rst || !en) begin st <= OFF; pg <= 1'b0; end
    else begin
      unique case (st)
        OFF:    st <= S_CORE;
        S_CORE: if (d1) st <= S_IO;
        S_IO:   if (d2) st <= S_ANA;
        S_ANA:  if (d3) pg <= 1'b1;
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
