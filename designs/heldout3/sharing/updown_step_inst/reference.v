// Position counter: one adder, the step is inverted (+1 carry-in) when counting down.
module pos_counter (
  input  wire        clk,
  input  wire        rst,
  input  wire        load,
  input  wire [19:0] load_val,
  input  wire        ev,
  input  wire        dir,
  input  wire [19:0] step,
  output reg  [19:0] pos
);
  wire [19:0] nxt = pos + (step ^ {20{~dir}}) + {19'd0, ~dir};

  always @(posedge clk) begin
    if (rst)
      pos <= 20'd0;
    else if (load)
      pos <= load_val;
    else if (ev)
      pos <= nxt;
  end
endmodule
