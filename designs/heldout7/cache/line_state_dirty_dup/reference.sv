// Per-set line state for a 4-way cache: INV / SHARED / MODIFIED; valid and dirty decoded from the state
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
    end else begin
      if (fill)                                 state[way] <= SHR;
      else if (store && state[way] != INV)      state[way] <= MOD;
      else if (inval || evict)                  state[way] <= INV;
    end
  end
  always_comb
    for (int w = 0; w < 4; w++) begin
      valid[w] = (state[w] != INV);
      dirty[w] = (state[w] == MOD);
    end
  assign any_dirty = |dirty;
  assign st0 = state[0];
endmodule
