// Four-phase req/ack handshake between two domains, modelled on one clock with
// two-flop synchronisers in both directions.
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

module hs_sender (
  input  logic       clk,
  input  logic       rst,
  input  logic       send,
  input  logic [7:0] data,
  input  logic       ack_s,
  output logic       req,
  output logic [7:0] bus,
  output logic       busy
);
  typedef enum logic [1:0] {S_IDLE, S_REQ, S_WAIT_LO} state_t;
  state_t st;
  always_ff @(posedge clk) begin
    if (rst) begin
      st <= S_IDLE; req <= 1'b0; bus <= '0; busy <= 1'b0;
    end else begin
      case (st)
        S_IDLE:    if (send) begin st <= S_REQ; req <= 1'b1; bus <= data; busy <= 1'b1; end
        S_REQ:     if (ack_s) begin st <= S_WAIT_LO; req <= 1'b0; end
        S_WAIT_LO: if (!ack_s) begin st <= S_IDLE; busy <= 1'b0; end
        default:   st <= S_IDLE;
      endcase
    end
  end
endmodule

module hs_receiver (
  input  logic       clk,
  input  logic       rst,
  input  logic       req_s,
  input  logic [7:0] bus,
  output logic       ack,
  output logic [7:0] q,
  output logic       valid
);
  typedef enum logic {R_WAIT, R_ACK} rstate_t;
  rstate_t st;
  always_ff @(posedge clk) begin
    if (rst) begin
      st <= R_WAIT; ack <= 1'b0; q <= '0; valid <= 1'b0;
    end else begin
      valid <= 1'b0;
      case (st)
        R_WAIT: if (req_s) begin st <= R_ACK; ack <= 1'b1; q <= bus; valid <= 1'b1; end
        R_ACK:  if (!req_s) begin st <= R_WAIT; ack <= 1'b0; end
      endcase
    end
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
  logic req, req_s, ack, ack_s;
  logic [7:0] bus;
  hs_sender   u_tx (.clk, .rst, .send, .data, .ack_s, .req, .bus, .busy);
  sync2       u_s1 (.clk, .rst, .d(req), .q(req_s));
  hs_receiver u_rx (.clk, .rst, .req_s, .bus, .ack, .q, .valid);
  sync2       u_s2 (.clk, .rst, .d(ack), .q(ack_s));
endmodule
