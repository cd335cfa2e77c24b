// Ages saturate at 12 (4 bits); the unused 'waiting' flags go.
module aging_arb_top (
  input  logic [5:0] req,
  input  logic       clk,
  input  logic       rst,
  output logic [5:0] gnt,
  output logic       any_starving
);
  logic [5:0][3:0] age;
  logic [5:0]      starving;

  always_comb begin
    for (int i = 0; i < 6; i++) starving[i] = req[i] && (age[i] == 4'd12);
    any_starving = |starving;
    gnt = '0;
    for (int i = 5; i >= 0; i--)
      if (any_starving ? starving[i] : req[i]) gnt = 6'd1 << i;
  end

  always_ff @(posedge clk) begin
    if (rst) age <= '0;
    else begin
      for (int i = 0; i < 6; i++) begin
        if (!req[i] || gnt[i])   age[i] <= '0;
        else if (age[i] != 4'd12) age[i] <= age[i] + 4'd1;
      end
    end
  end
endmodule
