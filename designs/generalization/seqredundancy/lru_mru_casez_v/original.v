// Replacement order of a 4-entry victim buffer kept as a recency list of entry numbers: slot0 holds
// the entry used last, slot3 the one to evict. A use moves the entry to slot0 and shifts the slots in
// front of its old slot back by one; the slot is found by a one-hot match decoded with casez.
module vbuf_order (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       use_en,
  input  wire [1:0] use_id,
  output wire [1:0] evict_id,
  output wire       use_is_last
);
  reg  [1:0] slot0, slot1, slot2, slot3;
  wire [3:0] match = {slot3 == use_id, slot2 == use_id, slot1 == use_id, slot0 == use_id};

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      slot0 <= 2'd3; slot1 <= 2'd2; slot2 <= 2'd1; slot3 <= 2'd0;
    end else if (use_en) begin
      casez (match)
        4'b???1: ;
        4'b??10: begin slot0 <= use_id; slot1 <= slot0; end
        4'b?100: begin slot0 <= use_id; slot1 <= slot0; slot2 <= slot1; end
        default: begin slot0 <= use_id; slot1 <= slot0; slot2 <= slot1; slot3 <= slot2; end
      endcase
    end
  end

  assign evict_id = slot3;
  assign use_is_last = match[0];
endmodule
