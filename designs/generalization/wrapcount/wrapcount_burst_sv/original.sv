// Burst write sequencer: after a request, an address phase and four data beats; the beat counter
// (8 bits) is read by a case in the next-beat logic and by the last-beat flag.
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
  logic [7:0] beat;
  always_ff @(posedge clk) begin
    if (rst) begin
      st   <= IDLE;
      beat <= '0;
    end else begin
      unique case (st)
        IDLE: if (req) begin
          st   <= ADDR;
          beat <= 8'd0;
        end
        ADDR: st <= DATA;
        DATA: begin
          beat <= ready ? beat + 8'd1 : beat;
          case (beat)
            8'd3: if (ready) st <= RESP;
            default: ;
          endcase
        end
        RESP: st <= IDLE;
      endcase
    end
  end
  assign wvalid = (st == DATA);
  assign wlast  = (st == DATA) && (beat == 8'd3);
  assign busy   = (st != IDLE);
endmodule
