// Replay guard: a frame's 12-bit timestamp is fresh when it lies within the last 100 ticks of a
// free-running (wrapping) timer, i.e. in (now - 100, now] modulo 4096. Two guards (data and control).
module replay_guard (
  input      [11:0] now,
  input      [11:0] data_stamp,
  input      [11:0] ctrl_stamp,
  output reg        data_fresh,
  output reg        ctrl_fresh
);
  localparam [11:0] AGE = 12'd100;
  reg [11:0] oldest;

  always @* begin
    oldest = now - AGE;
    if (now >= AGE) begin            // window does not wrap below zero
      data_fresh = (data_stamp > oldest) && (data_stamp <= now);
      ctrl_fresh = (ctrl_stamp > oldest) && (ctrl_stamp <= now);
    end else begin                   // window wraps: (oldest, 4095] or [0, now]
      data_fresh = (data_stamp > oldest) || (data_stamp <= now);
      ctrl_fresh = (ctrl_stamp > oldest) || (ctrl_stamp <= now);
    end
  end
endmodule
