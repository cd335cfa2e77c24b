// Three DMA channels, each a small localparam FSM; 'act' and 'err' status vectors registered beside them
module chan_status (
  input            clk,
  input            rst,
  input      [2:0] start,
  input      [2:0] fin,
  input      [2:0] fault,
  input      [2:0] clr,
  output reg [2:0] act,
  output reg [2:0] err,
  output     [1:0] s0
);
  localparam IDLE = 2'd0, RUN = 2'd1, ERR = 2'd2;
  reg [1:0] c0, c1, c2;
  assign s0 = c0;

  always @(posedge clk) begin
    if (rst) begin
      c0 <= IDLE; c1 <= IDLE; c2 <= IDLE; act <= 3'b000; err <= 3'b000;
    end else begin
      case (c0)
        IDLE: if (start[0]) begin c0 <= RUN; act[0] <= 1'b1; end
        RUN:  if (fault[0]) begin c0 <= ERR; act[0] <= 1'b0; err[0] <= 1'b1; end
              else if (fin[0]) begin c0 <= IDLE; act[0] <= 1'b0; end
        default: if (clr[0]) begin c0 <= IDLE; err[0] <= 1'b0; end
      endcase
      case (c1)
        IDLE: if (start[1]) begin c1 <= RUN; act[1] <= 1'b1; end
        RUN:  if (fault[1]) begin c1 <= ERR; act[1] <= 1'b0; err[1] <= 1'b1; end
              else if (fin[1]) begin c1 <= IDLE; act[1] <= 1'b0; end
        default: if (clr[1]) begin c1 <= IDLE; err[1] <= 1'b0; end
      endcase
      case (c2)
        IDLE: if (start[2]) begin c2 <= RUN; act[2] <= 1'b1; end
        RUN:  if (fault[2]) begin c2 <= ERR; act[2] <= 1'b0; err[2] <= 1'b1; end
              else if (fin[2]) begin c2 <= IDLE; act[2] <= 1'b0; end
        default: if (clr[2]) begin c2 <= IDLE; err[2] <= 1'b0; end
      endcase
    end
  end
endmodule
