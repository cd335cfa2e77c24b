// Three DMA channels, each a small localparam FSM; 'act' and 'err' status vectors decoded from them
module chan_status (
  input            clk,
  input            rst,
  input      [2:0] start,
  input      [2:0] fin,
  input      [2:0] fault,
  input      [2:0] clr,
  output     [2:0] act,
  output     [2:0] err,
  output     [1:0] s0
);
  localparam IDLE = 2'd0, RUN = 2'd1, ERR = 2'd2;
  reg [1:0] c0, c1, c2;
  assign s0 = c0;
  assign act = {c2[0], c1[0], c0[0]};
  assign err = {c2[1], c1[1], c0[1]};

  always @(posedge clk) begin
    if (rst) begin
      c0 <= IDLE; c1 <= IDLE; c2 <= IDLE;
    end else begin
      case (c0)
        IDLE: if (start[0]) c0 <= RUN;
        RUN:  if (fault[0]) c0 <= ERR; else if (fin[0]) c0 <= IDLE;
        default: if (clr[0]) c0 <= IDLE;
      endcase
      case (c1)
        IDLE: if (start[1]) c1 <= RUN;
        RUN:  if (fault[1]) c1 <= ERR; else if (fin[1]) c1 <= IDLE;
        default: if (clr[1]) c1 <= IDLE;
      endcase
      case (c2)
        IDLE: if (start[2]) c2 <= RUN;
        RUN:  if (fault[2]) c2 <= ERR; else if (fin[2]) c2 <= IDLE;
        default: if (clr[2]) c2 <= IDLE;
      endcase
    end
  end
endmodule
