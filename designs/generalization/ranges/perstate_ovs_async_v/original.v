// IR frame receiver: leader check at half a slot, 6 payload slots, one trailer slot; Verilog
// localparam states, async active-low reset, separate counters for the slot phase and the slot index.
module ir_rx #(parameter SLOT = 20) (
  input            clk,
  input            rst_n,
  input            ir,
  output reg [5:0] code,
  output reg       hit
);
  localparam S_WAIT = 2'd0, S_LEAD = 2'd1, S_BITS = 2'd2, S_TAIL = 2'd3;
  reg [1:0]  state;
  reg [11:0] phase;
  reg [5:0]  idx;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= S_WAIT; phase <= 12'd0; idx <= 6'd0; code <= 6'd0; hit <= 1'b0;
    end else begin
      hit <= 1'b0;
      case (state)
        S_WAIT: if (ir) begin state <= S_LEAD; phase <= 12'd0; end
        S_LEAD: if (phase == SLOT/2 - 1) begin
                  phase <= 12'd0;
                  idx   <= 6'd0;
                  state <= ir ? S_BITS : S_WAIT;
                end else phase <= phase + 12'd1;
        S_BITS: if (phase == SLOT - 1) begin
                  phase <= 12'd0;
                  code  <= {code[4:0], ir};
                  if (idx == 6'd5) state <= S_TAIL;
                  idx   <= idx + 6'd1;
                end else phase <= phase + 12'd1;
        S_TAIL: if (phase == SLOT - 1) begin
                  phase <= 12'd0;
                  state <= S_WAIT;
                  hit   <= !ir;
                end else phase <= phase + 12'd1;
      endcase
    end
  end
endmodule

module ir_top (
  input        clk,
  input        rst_n,
  input        ir,
  output [5:0] code,
  output       hit
);
  ir_rx #(.SLOT(8)) u_rx (.clk(clk), .rst_n(rst_n), .ir(ir), .code(code), .hit(hit));
endmodule
