// Occupancy summary of a 24-entry issue queue (three banks of 8 entries): valid entries per bank
// for the bank-steering logic and the total for the dispatch-stall check.
// The total is the sum of the bank counts (no second 24-input count).
module iq_occupancy (
  input  logic [23:0]     entry_valid,   // bank b owns entries 8b .. 8b+7
  output logic [2:0][3:0] bank_cnt,
  output logic [4:0]      total,
  output logic            stall
);
  always_comb begin
    for (int b = 0; b < 3; b++) begin
      bank_cnt[b] = '0;
      for (int e = 0; e < 8; e++)
        bank_cnt[b] += 4'(entry_valid[8*b + e]);
    end
    total = 5'(bank_cnt[0]) + 5'(bank_cnt[1]) + 5'(bank_cnt[2]);
  end

  assign stall = total > 5'd20;
endmodule
