// PID front end: keep the previous error (17 bits) instead of both previous inputs.
module pid_terms (
  input  logic               clk,
  input  logic               rst,
  input  logic               sample,
  input  logic signed [15:0] setpoint,
  input  logic signed [15:0] measured,
  output logic signed [16:0] err,
  output logic signed [17:0] derr,
  output logic signed [23:0] ierr
);
  logic signed [16:0] err_q;

  assign err  = setpoint - measured;
  assign derr = err - err_q;

  always_ff @(posedge clk) begin
    if (rst) begin
      err_q <= '0;
      ierr  <= '0;
    end else if (sample) begin
      err_q <= err;
      ierr  <= ierr + err;
    end
  end
endmodule
