// Beacon pattern sender: after a trigger, a sync pulse, then NBITS pattern bits
// each held for SPAN clock-enable ticks, a gap, and back to idle. Binary state codes (re-encoded).
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
  localparam logic [2:0] IDLE = 3'd0, SYNC = 3'd1, BITS = 3'd3,
                         GAP  = 3'd2, HOLD = 3'd6;
  logic [2:0] st_q;
  logic [1:0] sc;
  logic [2:0] idx;
  logic [NBITS-1:0] pat;

  always_ff @(posedge clk) begin
    if (rst) begin
      st_q <= IDLE; sc <= '0; idx <= '0; pat <= '0; led <= 1'b0;
    end else begin
      case (st_q)
        IDLE: if (trig) begin st_q <= SYNC; pat <= pattern; sc <= '0; led <= 1'b1; end
        SYNC: if (en) begin
                if (sc == SPAN - 1) begin st_q <= BITS; sc <= '0; idx <= '0; led <= pat[0]; end
                else sc <= sc + 2'd1;
              end
        BITS: if (en) begin
                if (sc == SPAN - 1) begin
                  sc <= '0;
                  if (idx == NBITS - 1) begin st_q <= GAP; led <= 1'b0; end
                  else begin idx <= idx + 3'd1; led <= pat[idx + 3'd1]; end
                end else sc <= sc + 2'd1;
              end
        GAP:  if (en) begin
                if (sc == SPAN - 1) begin st_q <= trig ? HOLD : IDLE; sc <= '0; end
                else sc <= sc + 2'd1;
              end
        HOLD: if (!trig) st_q <= IDLE;
        default: st_q <= IDLE;
      endcase
    end
  end
  assign busy = (st_q != IDLE);
endmodule
