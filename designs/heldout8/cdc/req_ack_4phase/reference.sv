// req = (tx state == REQ), busy = (tx state != IDLE), ack = (rx state == ACK): the copies go.
module sync2 (
  input  logic clk,
  input  logic rst,
  input  logic d,
  output logic q
);
  logic m;
  always_ff @(posedge clk) begin
    if (rst) begin m <= 1'b0; q <= 1'b0; end
    else     begin m <= d;    q <= m;    end
  end
endmodule

module hs_link (
  input  logic       clk,
  input  logic       rst,
  input  logic       send,
  input  logic [7:0] data,
  output logic       busy,
  output logic [7:0] q,
  output logic       valid
);
  typedef enum logic [1:0] {S_IDLE, S_REQ, S_WAIT_LO} state_t;
  state_t tx;
  logic   rx_ack;
  logic   req_s, ack_s;
  logic [7:0] bus;

  always_ff @(posedge clk) begin
    if (rst) begin
      tx <= S_IDLE; bus <= '0;
    end else begin
      case (tx)
        S_IDLE:    if (send) begin tx <= S_REQ; bus <= data; end
        S_REQ:     if (ack_s) tx <= S_WAIT_LO;
        S_WAIT_LO: if (!ack_s) tx <= S_IDLE;
        default:   tx <= S_IDLE;
      endcase
    end
  end
  assign busy = (tx != S_IDLE);

  sync2 u_s1 (.clk, .rst, .d(tx == S_REQ), .q(req_s));

  always_ff @(posedge clk) begin
    if (rst) begin
      rx_ack <= 1'b0; q <= '0; valid <= 1'b0;
    end else begin
      valid <= 1'b0;
      if (!rx_ack && req_s) begin rx_ack <= 1'b1; q <= bus; valid <= 1'b1; end
      else if (rx_ack && !req_s) rx_ack <= 1'b0;
    end
  end

  sync2 u_s2 (.clk, .rst, .d(rx_ack), .q(ack_s));
endmodule
