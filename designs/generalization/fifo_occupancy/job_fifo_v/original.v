// Job issuer: each accepted job id waits in a FIFO while the engine works on it; a job is
// taken only while the engine is idle, so the 8-entry id FIFO never holds more than one id.
module id_fifo (clk, rst, wr_en, rd_en, wr_data, rd_data, empty, full, level);
  parameter WIDTH = 5;
  parameter DEPTH = 8;
  parameter LOG = 3;
  input clk, rst, wr_en, rd_en;
  input [WIDTH-1:0] wr_data;
  output [WIDTH-1:0] rd_data;
  output empty, full;
  output [LOG:0] level;
  reg [WIDTH-1:0] ram [0:DEPTH-1];
  reg [LOG-1:0] head, tail;
  reg [LOG:0] count;
  wire do_wr = wr_en && !full;
  wire do_rd = rd_en && !empty;
  integer i;
  always @(posedge clk) begin
    if (rst) begin
      head <= 0; tail <= 0; count <= 0;
      for (i = 0; i < DEPTH; i = i + 1) ram[i] <= {WIDTH{1'b0}};
    end else begin
      if (do_wr) begin
        ram[tail] <= wr_data;
        tail <= tail + 1'b1;
      end
      if (do_rd) head <= head + 1'b1;
      case ({do_wr, do_rd})
        2'b10: count <= count + 1'b1;
        2'b01: count <= count - 1'b1;
        default: count <= count;
      endcase
    end
  end
  assign rd_data = ram[head];
  assign empty = (count == 0);
  assign full = (count == DEPTH);
  assign level = count;
endmodule

module job_issuer (clk, rst, job_valid, job_id, job_arg, job_ready, start, arg, eng_done, fin_valid, fin_id, fin_arg);
  input clk, rst, job_valid, eng_done;
  input [4:0] job_id;
  input [7:0] job_arg;
  output job_ready;
  output reg start, fin_valid;
  output reg [7:0] arg, fin_arg;
  output reg [4:0] fin_id;
  reg busy;
  wire take = job_valid && job_ready;
  wire fin = busy && eng_done;
  wire [4:0] head_id;
  wire q_empty, q_full;
  wire [3:0] q_level;
  assign job_ready = !busy && !q_full;
  id_fifo #(.WIDTH(5), .DEPTH(8), .LOG(3)) u_ids (.clk(clk), .rst(rst), .wr_en(take), .rd_en(fin),
    .wr_data(job_id), .rd_data(head_id), .empty(q_empty), .full(q_full), .level(q_level));
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
        fin_arg <= arg + {3'd0, q_level, 1'b0};
      end
    end
  end
endmodule
