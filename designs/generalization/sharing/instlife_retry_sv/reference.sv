// Send-and-retry link controller: after each send it waits up to tmo_len cycles for an ack; on a
// timeout it backs off for bo_len cycles and sends again, at most three retries. The ack timeout and
// the backoff never run together: one timer, kicked with the length of the wait that begins.
module bo_timer #(parameter int W = 8) (
  input  logic         clk, rst,
  input  logic         kick, abort,
  input  logic [W-1:0] len,
  output logic         fired
);
  logic [W-1:0] cnt;
  logic         on;
  always_ff @(posedge clk) begin
    fired <= 1'b0;
    if (rst || abort) begin
      cnt <= '0;
      on  <= 1'b0;
    end else if (kick) begin
      cnt <= len;
      on  <= 1'b1;
    end else if (on) begin
      if (cnt == '0) begin
        on    <= 1'b0;
        fired <= 1'b1;
      end else cnt <= cnt - 1'b1;
    end
  end
endmodule

module link_retry (
  input  logic       clk, rst, stop, start, ack,
  input  logic [7:0] tmo_len, bo_len,
  output logic       send, fail, busy
);
  typedef enum logic [1:0] {IDLE, WAIT, BACK, FAIL} st_e;
  st_e        st;
  logic [1:0] tries;
  logic       fired, kick_tmo, kick_bo;

  always_comb begin
    kick_tmo = 1'b0;
    kick_bo  = 1'b0;
    unique case (st)
      IDLE:    kick_tmo = start;
      WAIT:    kick_bo  = fired && !ack && (tries != 2'd3);
      BACK:    kick_tmo = fired;
      default: ;
    endcase
  end

  bo_timer #(.W(8)) u_t (.clk(clk), .rst(rst), .kick(kick_tmo || kick_bo), .abort(stop),
                         .len(kick_bo ? bo_len : tmo_len), .fired(fired));

  always_ff @(posedge clk) begin
    if (rst || stop) begin
      st    <= IDLE;
      tries <= '0;
    end else begin
      unique case (st)
        IDLE: if (start) begin st <= WAIT; tries <= '0; end
        WAIT: if (ack) st <= IDLE;
              else if (fired) begin
                if (tries == 2'd3) st <= FAIL;
                else begin st <= BACK; tries <= tries + 2'd1; end
              end
        BACK: if (fired) st <= WAIT;
        FAIL: if (!start) st <= IDLE;
      endcase
    end
  end

  assign send = kick_tmo;
  assign fail = (st == FAIL);
  assign busy = (st != IDLE);
endmodule
