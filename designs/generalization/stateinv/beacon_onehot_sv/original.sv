// Beacon pattern sender: after a trigger, a sync pulse, then NBITS pattern bits
// each held for SPAN clock-enable ticks, a gap, and back to idle. One-hot states.
module beacon #(
  parameter int NBITS = 5,
  parameter int SPAN  = 3
) (
  input  logic             clk,
  input  logic             rst,
  input  logic             trig,
  input  logic             en,
  input  logic [NBITS-1:0] pattern,
  output logic             led,
  output logic             busy
);
  localparam logic [4:0] IDLE = 5'b00001, SYNC = 5'b00010, BITS = 5'b00100,
                         GAP  = 5'b01000, HOLD = 5'b10000;
  logic [4:0] st;
  logic [1:0] sc;
  logic [2:0] idx;
  logic [NBITS-1:0] pat;

  always_ff @(posedge clk) begin
    if (rst) begin
      st <= IDLE; sc <= '0; idx <= '0; pat <= '0; led <= 1'b0;
    end else begin
      case (st)
        IDLE: if (trig) begin st <= SYNC; pat <= pattern; sc <= '0; led <= 1'b1; end
        SYNC: if (en) begin
                if (sc == SPAN - 1) begin st <= BITS; sc <= '0; idx <= '0; led <= pat[0]; end
                else sc <= sc + 2'd1;
              end
        BITS: if (en) begin
                if (sc == SPAN - 1) begin
                  sc <= '0;
                  if (idx == NBITS - 1) begin st <= GAP; led <= 1'b0; end
                  else begin idx <= idx + 3'd1; led <= pat[idx + 3'd1]; end
                end else sc <= sc + 2'd1;
              end
        GAP:  if (en) begin
                if (sc == SPAN - 1) begin st <= trig ? HOLD : IDLE; sc <= '0; end
                else sc <= sc + 2'd1;
              end
        HOLD: if (!trig) st <= IDLE;
        default: st <= IDLE;
      endcase
    end
  end
  assign busy = (st != IDLE);
endmodule
