// Request slots: FREE -> WAIT (issued) -> DONE (response back) -> FREE (retired); 'used' and 'ready'
// decoded from the slot states
module slot_table (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       alloc,
  input  logic       resp,
  input  logic       retire,
  input  logic [2:0] idx,
  output logic [7:0] used,
  output logic [7:0] ready,
  output logic       some_ready
);
  typedef enum logic [1:0] {FREE = 2'b00, WAIT = 2'b01, DONE = 2'b11} slot_t;
  slot_t slot [8];

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (int i = 0; i < 8; i++) slot[i] <= FREE;
    end else begin
      if (alloc && slot[idx] == FREE) slot[idx] <= WAIT;
      else if (resp && slot[idx] == WAIT) slot[idx] <= DONE;
      else if (retire && slot[idx] == DONE) slot[idx] <= FREE;
    end
  end
  always_comb
    for (int i = 0; i < 8; i++) begin
      used[i] = slot[i][0];
      ready[i] = slot[i][1];
    end
  assign some_ready = |ready;
endmodule
