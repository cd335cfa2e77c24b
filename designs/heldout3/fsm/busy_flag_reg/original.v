// Tiny DMA channel controller: two-process FSM with a busy flag and a done flag kept alongside.
module dma_ctl (
  input  wire       clk,
  input  wire       rst,
  input  wire       start,
  input  wire       rd_ack,
  input  wire       wr_ack,
  input  wire       last,
  input  wire       err,
  output reg        rd_req,
  output reg        wr_req,
  output reg        busy,
  output reg        done,
  output reg        fault
);
  localparam [2:0] IDLE  = 3'd0,
                   READ  = 3'd1,
                   WRITE = 3'd2,
                   NEXT  = 3'd3,
                   FIN   = 3'd4,
                   ERR   = 3'd5;
  reg [2:0] state, next_state;

  always @(posedge clk) begin
    if (rst) state <= IDLE;
    else     state <= next_state;
  end

  always @* begin
    next_state = state;
    rd_req = 1'b0;
    wr_req = 1'b0;
    case (state)
      IDLE:  if (start) next_state = READ;
      READ:  begin
               rd_req = 1'b1;
               if (err) next_state = ERR;
               else if (rd_ack) next_state = WRITE;
             end
      WRITE: begin
               wr_req = 1'b1;
               if (err) next_state = ERR;
               else if (wr_ack) next_state = NEXT;
             end
      NEXT:  next_state = last ? FIN : READ;
      FIN:   next_state = IDLE;
      ERR:   if (start) next_state = IDLE;
      default: next_state = IDLE;
    endcase
  end

  // status flags
  always @(posedge clk) begin
    if (rst) begin
      busy  <= 1'b0;
      done  <= 1'b0;
      fault <= 1'b0;
    end else begin
      if (state == IDLE && start)
        busy <= 1'b1;
      else if (next_state == IDLE || next_state == ERR)
        busy <= 1'b0;
      done  <= (next_state == FIN);
      if (next_state == ERR)
        fault <= 1'b1;
      else if (state == ERR && start)
        fault <= 1'b0;
    end
  end
endmodule
