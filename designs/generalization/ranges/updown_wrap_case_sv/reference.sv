// Ring buffer slot pointer (SystemVerilog): a case on {inc, dec} moves it one slot forward or back,
// wrapping within 0 .. SLOTS-1 (SLOTS = 48 from the top); both or neither hold it.
module slot_ptr #(parameter int SLOTS = 64) (
  input  logic       clk,
  input  logic       rst,
  input  logic       inc,
  input  logic       dec,
  output logic [5:0] slot,
  output logic       at_first
);
  localparam int LAST = SLOTS - 1;
  logic [5:0] p;   // 0 .. SLOTS-1
  always_ff @(posedge clk) begin
    if (rst) p <= '0;
    else begin
      unique case ({inc, dec})
        2'b10:   p <= (p >= 6'(LAST)) ? '0 : p + 6'd1;
        2'b01:   p <= (p == '0) ? 6'(LAST) : p - 6'd1;
        default: p <= p;
      endcase
    end
  end
  assign slot     = p;
  assign at_first = (p == '0);
endmodule

module ring_ctl (
  input  logic       clk, rst, push, pop,
  output logic [5:0] wr_slot,
  output logic       wrapped
);
  slot_ptr #(.SLOTS(48)) u_ptr (.clk, .rst, .inc(push), .dec(pop), .slot(wr_slot), .at_first(wrapped));
endmodule
