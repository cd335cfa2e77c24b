// Job issuer: each accepted job id waits in a FIFO while the engine works on it; a job is
// taken only while the engine is idle, so the 8-entry id FIFO never holds more than one id.
// Optimized: the FIFO is one id register loaded on push and a valid bit (never full).
module job_issuer (clk, rst, job_valid, job_id, job_arg, job_ready, start, arg, eng_done, fin_valid, fin_id, fin_arg);
  input clk, rst, job_valid, eng_done;
  input [4:0] job_id;
  input [7:0] job_arg;
  output job_ready;
  output reg start, fin_valid;
  output reg [7:0] arg, fin_arg;
  output reg [4:0] fin_id;
  reg busy;
  reg [4:0] head_id;
  wire take = job_valid && job_ready;
  wire fin = busy && eng_done;
  assign job_ready = !busy;
  always @(posedge clk)
    if (rst) head_id <= 5'd0;
    else if (take) head_id <= job_id;
  always @(posedge clk) begin
    if (rst) begin
      busy <= 1'b0; start <= 1'b0; arg <= 8'd0; fin_valid <= 1'b0; fin_id <= 5'd0; fin_arg <= 8'd0;
    end else begin
      start <= take;
      fin_valid <= fin;
      if (take) begin
        busy <= 1'b1;
        arg <= job_arg;
      end else if (fin) begin
        busy <= 1'b0;
        fin_id <= head_id;
        fin_arg <= arg + 8'd2;
      end
    end
  end
endmodule
