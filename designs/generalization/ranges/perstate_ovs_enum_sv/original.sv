// Manchester bit sampler: waits for a falling line, checks it at a quarter bit, then samples 8 bits
// at full-bit intervals (SV enum state, int counters, unique case, parameter-derived compares).
module man_sampler #(parameter int SPB = 32) (
  input  logic        clk,
  input  logic        rst,
  input  logic        line,
  output logic [7:0] word,
  output logic        done
);
  typedef enum logic [1:0] {IDLE, SYNC, SHIFT, LAST} st_t;
  st_t st;
  int  tick;
  int  nbit;
  always_ff @(posedge clk) begin
    if (rst) begin
      st <= IDLE; tick <= 0; nbit <= 0; word <= '0; done <= 1'b0;
    end else begin
      done <= 1'b0;
      unique case (st)
        IDLE:  if (!line) begin st <= SYNC; tick <= 0; end
        SYNC:  if (tick == SPB/4 - 1) begin
                 tick <= 0;
                 nbit <= 0;
                 st   <= line ? IDLE : SHIFT;
               end else tick <= tick + 1;
        SHIFT: if (tick == SPB - 1) begin
                 tick <= 0;
                 word <= {line, word[7:1]};
                 if (nbit == 7) st <= LAST;
                 nbit <= nbit + 1;
               end else tick <= tick + 1;
        LAST:  if (tick == SPB - 1) begin
                 tick <= 0;
                 done <= 1'b1;
                 st   <= IDLE;
               end else tick <= tick + 1;
      endcase
    end
  end
endmodule

module man_top (
  input  logic        clk,
  input  logic        rst,
  input  logic        line,
  output logic [7:0] word,
  output logic        done
);
  man_sampler #(.SPB(8)) u_s (.*);
endmodule
