// Discrete PID front end: proportional error, first difference and integral of the error.
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
  logic signed [15:0] sp_q, pv_q;     // previous sample's inputs

  assign err  = setpoint - measured;
  assign derr = err - (sp_q - pv_q);

  always_ff @(posedge clk) begin
    if (rst) begin
      sp_q <= '0;
      pv_q <= '0;
      ierr <= '0;
    end else if (sample) begin
      sp_q <= setpoint;
      pv_q <= measured;
      ierr <= ierr + err;
    end
  end
endmodule
