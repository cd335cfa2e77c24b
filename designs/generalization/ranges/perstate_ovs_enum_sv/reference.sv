// Manchester bit sampler, reference: tick < 8 per state (3 bits), nbit <= 8 (4 bits).
module man_top (
  input  logic        clk,
  input  logic        rst,
  input  logic        line,
  output logic [7:0] word,
  output logic        done
);
  typedef enum logic [1:0] {IDLE, SYNC, SHIFT, LAST} st_t;
  st_t st;
  logic [2:0] tick;
  logic [3:0] nbit;
  always_ff @(posedge clk) begin
    if (rst) begin
      st <= IDLE; tick <= '0; nbit <= '0; word <= '0; done <= 1'b0;
    end else begin
      done <= 1'b0;
      unique case (st)
        IDLE:  if (!line) begin st <= SYNC; tick <= '0; end
        SYNC:  if (tick == 3'd1) begin
                 tick <= '0;
                 nbit <= '0;
                 st   <= line ? IDLE : SHIFT;
               end else tick <= tick + 3'd1;
        SHIFT: begin
                 tick <= tick + 3'd1;
                 if (tick == 3'd7) begin
                   word <= {line, word[7:1]};
                   if (nbit == 4'd7) st <= LAST;
                   nbit <= nbit + 4'd1;
                 end
               end
        LAST:  begin
                 tick <= tick + 3'd1;
                 if (tick == 3'd7) begin
                   done <= 1'b1;
                   st   <= IDLE;
                 end
               end
      endcase
    end
  end
endmodule
