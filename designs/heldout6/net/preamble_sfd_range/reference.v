// GMII receive preamble/SFD detector with a 3-bit saturating preamble count.
module eth_preamble (
  input        clk,
  input        rst,
  input        rx_dv,
  input  [7:0] rxd,
  output reg   sof,          // first data byte follows
  output reg   bad_pre       // SFD seen after a short preamble
);
  localparam IDLE = 2'd0, PRE = 2'd1, DATA = 2'd2;
  reg [1:0] state, nstate;
  reg [2:0] pre_cnt;      // saturates at 7

  always @(*) begin
    nstate = state;
    case (state)
      IDLE: if (rx_dv && rxd == 8'h55) nstate = PRE;
      PRE:  if (!rx_dv) nstate = IDLE;
            else if (rxd == 8'hD5) nstate = DATA;
            else if (rxd != 8'h55) nstate = IDLE;
      DATA: if (!rx_dv) nstate = IDLE;
      default: nstate = IDLE;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      state   <= IDLE;
      pre_cnt <= 3'd0;
      sof     <= 1'b0;
      bad_pre <= 1'b0;
    end else begin
      state   <= nstate;
      sof     <= (state == PRE) && rx_dv && (rxd == 8'hD5);
      bad_pre <= (state == PRE) && rx_dv && (rxd == 8'hD5) && (pre_cnt != 3'd7);
      if (nstate == PRE && rxd == 8'h55) begin
        if (pre_cnt != 3'd7) pre_cnt <= pre_cnt + 1;
      end else if (nstate != PRE) begin
        pre_cnt <= 3'd0;
      end
    end
  end
endmodule
