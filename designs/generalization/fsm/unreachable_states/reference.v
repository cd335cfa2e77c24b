module pktctl(input clk, input rst, input sof, input eof, input err, output [1:0] mode, output drop);
  // 5 reachable states; encoded so that mode is the low 2 bits and drop the top bit
  localparam [2:0] IDLE = 3'b000, HDR = 3'b001, BODY = 3'b010, TAIL = 3'b011, FLUSH = 3'b100;
  reg [2:0] st;
  always @(posedge clk)
    if (rst) st <= IDLE;
    else case (st)
      IDLE:   if (sof) st <= HDR;
      HDR:    st <= err ? FLUSH : BODY;
      BODY:   if (err) st <= FLUSH; else if (eof) st <= TAIL;
      TAIL:   st <= IDLE;
      default: if (eof) st <= IDLE;
    endcase
  assign mode = st[1:0];
  assign drop = st[2];
endmodule
