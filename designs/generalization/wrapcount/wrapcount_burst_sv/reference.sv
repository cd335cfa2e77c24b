// Burst write sequencer, hand-optimized: the beat counter is 2 bits and wraps from 3 to 0 on the last
// beat (the original goes on to 4, a value no compare distinguishes from 0); cleared on every request.
module burst_seq_sv (
  input  logic clk,
  input  logic rst,
  input  logic req,
  input  logic ready,
  output logic wvalid,
  output logic wlast,
  output logic busy
);
  typedef enum logic [1:0] {IDLE, ADDR, DATA, RESP} st_t;
  st_t        st;
  logic [1:0] beat;
  always_ff @(posedge clk) begin
    if (rst) begin
      st   <= IDLE;
      beat <= '0;
    end else begin
      unique case (st)
        IDLE: if (req) begin
          st   <= ADDR;
          beat <= 2'd0;
        end
        ADDR: st <= DATA;
        DATA: if (ready) begin
          beat <= beat + 2'd1;
          if (beat == 2'd3) st <= RESP;
        end
        RESP: st <= IDLE;
      endcase
    end
  end
  assign wvalid = (st == DATA);
  assign wlast  = (st == DATA) && (beat == 2'd3);
  assign busy   = (st != IDLE);
endmodule
