// Per-set line state for a 4-way cache: INV / SHARED / MODIFIED, with fast valid and dirty vectors
module set_state (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       fill,        // install a clean line in way
  input  logic       store,       // write hit in way
  input  logic       inval,       // snoop invalidate of way
  input  logic       evict,       // write back + drop way
  input  logic [1:0] way,
  output logic [3:0] valid,
  output logic [3:0] dirty,
  output logic       any_dirty,
  output logic [1:0] st0
);
  typedef enum logic [1:0] {INV = 2'd0, SHR = 2'd1, MOD = 2'd2} lstate_t;
  lstate_t state [4];

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (int w = 0; w < 4; w++) state[w] <= INV;
      valid <= '0; dirty <= '0; any_dirty <= 1'b0;
    end else begin
      if (fill) begin
        state[way] <= SHR; valid[way] <= 1'b1; dirty[way] <= 1'b0;
      end else if (store && state[way] != INV) begin
        state[way] <= MOD; dirty[way] <= 1'b1;
      end else if (inval || evict) begin
        state[way] <= INV; valid[way] <= 1'b0; dirty[way] <= 1'b0;
      end
      any_dirty <= 1'b0;
      for (int w = 0; w < 4; w++) begin
        if (fill && way == 2'(w))                                 ;
        else if (store && way == 2'(w) && state[w] != INV)        any_dirty <= 1'b1;
        else if ((inval || evict) && way == 2'(w))                ;
        else if (state[w] == MOD)                                 any_dirty <= 1'b1;
      end
    end
  end
  assign st0 = state[0];
endmodule
