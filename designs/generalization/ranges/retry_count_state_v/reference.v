// Retransmission controller: a frame is sent and waited for; each NAK counts a try and resends
// until MAX_TRY tries have failed, then the controller parks in FAIL until the next start.
// Hand reference: the try counter in 2 bits (it stays in 0..MAX_TRY = 3 from reset).
module retry_ctrl #(parameter MAX_TRY = 8) (
  input        clk,
  input        rst,
  input        start,
  input        ack,
  input        nak,
  output       busy,
  output       failed,
  output       last_try
);
  localparam IDLE = 3'd0, SEND = 3'd1, WAIT = 3'd2, DONE = 3'd3, FAIL = 3'd4;
  reg [2:0]  st;
  reg [1:0]  tries;

  always @(posedge clk) begin
    if (rst) begin
      st    <= IDLE;
      tries <= 2'd0;
    end else begin
      case (st)
        IDLE, FAIL: if (start) begin st <= SEND; tries <= 2'd0; end
        SEND: st <= WAIT;
        WAIT: if (ack) st <= DONE;
              else if (nak) begin
                tries <= tries + 2'd1;
                st    <= (tries == MAX_TRY - 1) ? FAIL : SEND;
              end
        default: st <= IDLE;
      endcase
    end
  end

  assign busy     = (st == SEND) || (st == WAIT);
  assign failed   = (st == FAIL);
  assign last_try = (tries == MAX_TRY - 1);
endmodule

module retry_top (
  input  clk,
  input  rst,
  input  start,
  input  ack,
  input  nak,
  output busy,
  output failed,
  output last_try
);
  retry_ctrl #(.MAX_TRY(3)) u_r (.clk(clk), .rst(rst), .start(start), .ack(ack), .nak(nak),
                                 .busy(busy), .failed(failed), .last_try(last_try));
endmodule
