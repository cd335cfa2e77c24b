// IR frame receiver, reference: phase < 8 in every state (3 bits), idx <= 6 (3 bits).
module ir_top (
  input            clk,
  input            rst_n,
  input            ir,
  output reg [5:0] code,
  output reg       hit
);
  localparam S_WAIT = 2'd0, S_LEAD = 2'd1, S_BITS = 2'd2, S_TAIL = 2'd3;
  reg [1:0] state;
  reg [2:0] phase;
  reg [2:0] idx;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state <= S_WAIT; phase <= 3'd0; idx <= 3'd0; code <= 6'd0; hit <= 1'b0;
    end else begin
      hit <= 1'b0;
      case (state)
        S_WAIT: if (ir) begin state <= S_LEAD; phase <= 3'd0; end
        S_LEAD: if (phase == 3'd3) begin
                  phase <= 3'd0;
                  idx   <= 3'd0;
                  state <= ir ? S_BITS : S_WAIT;
                end else phase <= phase + 3'd1;
        S_BITS: if (phase == 3'd7) begin
                  phase <= 3'd0;
                  code  <= {code[4:0], ir};
                  if (idx == 3'd5) state <= S_TAIL;
                  idx   <= idx + 3'd1;
                end else phase <= phase + 3'd1;
        S_TAIL: if (phase == 3'd7) begin
                  phase <= 3'd0;
                  state <= S_WAIT;
                  hit   <= !ir;
                end else phase <= phase + 3'd1;
      endcase
    end
  end
endmodule
