// Request slots: FREE -> WAIT (issued) -> DONE (response back) -> FREE (retired); 'used' and 'ready'
// vectors are kept beside the slot states for fast lookups
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
      used <= '0;
      ready <= '0;
    end else begin
      if (alloc && slot[idx] == FREE) begin
        slot[idx] <= WAIT;
        used[idx] <= 1'b1;
      end else if (resp && slot[idx] == WAIT) begin
        slot[idx] <= DONE;
        ready[idx] <= 1'b1;
      end else if (retire && slot[idx] == DONE) begin
        slot[idx] <= FREE;
        used[idx] <= 1'b0;
        ready[idx] <= 1'b0;
      end
    end
  end
  assign some_ready = |ready;
endmodule
