// Position counter for a stepper/encoder interface: +step or -step per event.
module step_add #(parameter W = 16) (
  input  wire [W-1:0] a,
  input  wire [W-1:0] b,
  output wire [W-1:0] y
);
  assign y = a + b;
endmodule

module step_sub #(parameter W = 16) (
  input  wire [W-1:0] a,
  input  wire [W-1:0] b,
  output wire [W-1:0] y
);
  assign y = a - b;
endmodule

module pos_counter (
  input  wire        clk,
  input  wire        rst,
  input  wire        load,
  input  wire [19:0] load_val,
  input  wire        ev,
  input  wire        dir,       // 1: up, 0: down
  input  wire [19:0] step,
  output reg  [19:0] pos
);
  wire [19:0] pos_up, pos_dn;
  step_add #(.W(20)) u_add (.a(pos), .b(step), .y(pos_up));
  step_sub #(.W(20)) u_sub (.a(pos), .b(step), .y(pos_dn));

  always @(posedge clk) begin
    if (rst)
      pos <= 20'd0;
    else if (load)
      pos <= load_val;
    else if (ev)
      pos <= dir ? pos_up : pos_dn;
  end
endmodule
