// Heat-pump staging controller with minimum run time per stage.
module stage_ctrl #(parameter int MINRUN = 120, parameter int TW = 16) (
  input  logic clk,
  input  logic rst_n,
  input  logic call_heat, call_heat2, call_aux, call_cool,
  input  logic aux_en,
  output logic heat1, heat2, aux, cool
);
  typedef enum logic [2:0] {S_IDLE, S_HEAT1, S_HEAT2, S_AUX, S_COOL} st_t;
  st_t st, nx;
  logic [TW-1:0] tmr;
  logic done;
  assign done = (tmr == TW'(MINRUN));

  always_comb begin
    nx = st;
    unique case (st)
      S_IDLE:  if (call_heat) nx = S_HEAT1; else if (call_cool) nx = S_COOL;
      S_HEAT1: if (done && !call_heat) nx = S_IDLE;
               else if (done && call_heat2) nx = S_HEAT2;
      S_HEAT2: if (done && !call_heat2) nx = S_HEAT1;
               else if (done && aux_en && call_aux) nx = S_AUX;
      S_AUX:   if (done && !call_aux) nx = S_HEAT2;
      S_COOL:  if (done && !call_cool) nx = S_IDLE;
      default: nx = S_IDLE;
    endcase
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st  <= S_IDLE;
      tmr <= '0;
    end else begin
      st <= nx;
      if (nx != st)  tmr <= '0;
      else if (!done) tmr <= tmr + 1'b1;
    end
  end

  always_comb begin
    heat1 = (st == S_HEAT1) || (st == S_HEAT2) || (st == S_AUX);
    heat2 = (st == S_HEAT2) || (st == S_AUX);
    aux   = (st == S_AUX);
    cool  = (st == S_COOL);
  end
endmodule

module hvac_stager (
  input  logic clk, rst_n,
  input  logic call_heat, call_heat2, call_aux, call_cool,
  output logic heat1, heat2, aux, cool
);
  // this installation has no auxiliary strip heater
  stage_ctrl #(.MINRUN(30), .TW(16)) u_st (
    .clk, .rst_n, .call_heat, .call_heat2, .call_aux, .call_cool, .aux_en(1'b0),
    .heat1, .heat2, .aux, .cool);
endmodule
