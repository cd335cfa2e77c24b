// Tiny DMA channel controller: busy, done and fault are decodes of the state register.
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
  output wire       busy,
  output wire       done,
  output wire       fault
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

  assign busy  = (state == READ) || (state == WRITE) || (state == NEXT) || (state == FIN);
  assign done  = (state == FIN);
  assign fault = (state == ERR);
endmodule
