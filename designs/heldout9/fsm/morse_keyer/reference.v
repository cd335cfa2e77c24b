// Morse paddle keyer (dit has priority, no iambic alternation). Element lengths in units of
// unit_tick: dit = 1, dah = 3, inter-element gap = 1.
module morse_keyer #(parameter DAH_UNITS = 4) (
  input  wire clk,
  input  wire rst,
  input  wire unit_tick,
  input  wire dit_p,
  input  wire dah_p,
  output reg  key,
  output wire busy
);
  localparam IDLE = 2'd0, DIT = 2'd1, DAH = 2'd2, GAP = 2'd3;  // the two gap states were equivalent
  reg [1:0] st, nst;
  reg [1:0] units;
  wire done_dit = unit_tick;
  wire done_dah = unit_tick && (units == DAH_UNITS-1);

  always @* begin
    nst = st;
    case (st)
      IDLE:    if (dit_p) nst = DIT; else if (dah_p) nst = DAH;
      DIT:     if (done_dit) nst = GAP;
      DAH:     if (done_dah) nst = GAP;
      default: if (unit_tick) nst = dit_p ? DIT : (dah_p ? DAH : IDLE);
    endcase
  end

  always @(posedge clk)
    if (rst) begin st <= IDLE; units <= 2'd0; key <= 1'b0; end
    else begin
      st <= nst;
      units <= (nst != st) ? 2'd0 : (unit_tick ? units + 1'b1 : units);
      key <= (nst == DIT) || (nst == DAH);
    end
  assign busy = (st != IDLE);
endmodule

module cw_keyer (
  input  wire clk, rst, unit_tick, dit_p, dah_p,
  output wire key, busy
);
  morse_keyer #(.DAH_UNITS(3)) u_k (.clk(clk), .rst(rst), .unit_tick(unit_tick), .dit_p(dit_p), .dah_p(dah_p), .key(key), .busy(busy));
endmodule
