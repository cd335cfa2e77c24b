module memctl(input clk, input rst, input rd, input wr, input rdy, output reg oe, output reg we, output reg [1:0] phase);
  parameter [4:0] IDLE = 5'b00001, DECODE = 5'b00010, READ = 5'b00100, WRITE = 5'b01000, WAITR = 5'b10000;
  reg [4:0] cur, nxt;
  always @(posedge clk or posedge rst)
    if (rst) cur <= IDLE;
    else cur <= nxt;
  always @(cur or rd or wr or rdy) begin
    nxt = IDLE;
    case (cur)
      IDLE:   nxt = (rd | wr) ? DECODE : IDLE;
      DECODE: nxt = wr ? WRITE : READ;
      READ:   nxt = rdy ? IDLE : WAITR;
      WAITR:  nxt = rdy ? IDLE : WAITR;
      WRITE:  nxt = rdy ? IDLE : WRITE;
      default: nxt = IDLE;
    endcase
  end
  always @(cur) begin
    oe = 1'b0; we = 1'b0; phase = 2'd0;
    case (cur)
      DECODE: phase = 2'd1;
      READ:   begin oe = 1'b1; phase = 2'd2; end
      WAITR:  begin oe = 1'b1; phase = 2'd2; end
      WRITE:  begin we = 1'b1; phase = 2'd3; end
      default: ;
    endcase
  end
endmodule
