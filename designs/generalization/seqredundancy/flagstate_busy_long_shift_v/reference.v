// Serial frame sender: IDLE -> SEND (48 bits, one bit every 32 cycles) -> GAP -> IDLE. Hand reference:
// busy decoded from the state.
module frame_tx (
  input             clk,
  input             rst,
  input             go,
  input      [47:0] frame,
  output            txd,
  output            busy
);
  localparam IDLE = 2'd0, SEND = 2'd1, GAP = 2'd2;
  reg [1:0]  state;
  reg [4:0]  pre;
  reg [5:0]  nbit;
  reg [47:0] sr;
  wire step = (pre == 5'd31);

  always @(posedge clk) begin
    if (rst) begin
      state <= IDLE; pre <= 5'd0; nbit <= 6'd0; sr <= 48'd0;
    end else begin
      case (state)
        IDLE: if (go) begin state <= SEND; sr <= frame; pre <= 5'd0; nbit <= 6'd0; end
        SEND: begin
          pre <= pre + 5'd1;
          if (step) begin
            sr <= {sr[46:0], 1'b1};
            nbit <= nbit + 6'd1;
            if (nbit == 6'd47) state <= GAP;
          end
        end
        GAP: state <= IDLE;
        default: state <= IDLE;
      endcase
    end
  end

  assign busy = (state != IDLE);

  assign txd = sr[47];
endmodule
