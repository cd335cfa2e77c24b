// Fan tachometer: cycles between rising edges of the (synchronised) tach input, saturating at MAXP;
// the stall flag is the saturated count itself; the counter is sized to 0..MAXP.
module tacho #(parameter int MAXP = 100000) (
  input  logic clk, rst,
  input  logic tach,
  output logic [$clog2(MAXP+1)-1:0] period,
  output logic stalled,
  output logic upd
);
  logic [2:0] sync;
  logic [$clog2(MAXP+1)-1:0] cnt;  // 0 .. MAXP from reset
  wire edge_r = sync[1] & ~sync[2];
  always_ff @(posedge clk) begin
    if (rst) begin sync <= '0; cnt <= '0; period <= '0; upd <= 1'b0; end
    else begin
      sync <= {sync[1:0], tach};
      upd  <= edge_r;
      if (edge_r) begin
        period  <= cnt;
        cnt     <= '0;
      end else if (cnt != MAXP) begin
        cnt <= cnt + 1'b1;
      end
    end
  end
  assign stalled = (cnt == MAXP);
endmodule

module fan_ctrl_tach (
  input  logic clk, rst, tach,
  output logic [11:0] period,
  output logic stalled, upd
);
  tacho #(.MAXP(3000)) u_t (.*);
endmodule
