module pktctl(input clk, input rst, input sof, input eof, input err, output reg [1:0] mode, output reg drop);
  localparam [2:0] IDLE = 3'd0, HDR = 3'd1, BODY = 3'd2, TAIL = 3'd3, DBG0 = 3'd4, DBG1 = 3'd5, LEGACY = 3'd6, FLUSH = 3'd7;
  reg [2:0] st, st_n;
  always @(posedge clk) if (rst) st <= IDLE; else st <= st_n;
  always @(*) begin
    st_n = st; mode = 2'd0; drop = 1'b0;
    case (st)
      IDLE:   if (sof) st_n = HDR;
      HDR:    begin mode = 2'd1; st_n = err ? FLUSH : BODY; end
      BODY:   begin mode = 2'd2; if (err) st_n = FLUSH; else if (eof) st_n = TAIL; end
      TAIL:   begin mode = 2'd3; st_n = IDLE; end
      FLUSH:  begin drop = 1'b1; if (eof) st_n = IDLE; end
      DBG0:   begin mode = 2'd3; drop = 1'b1; st_n = DBG1; end
      DBG1:   begin mode = 2'd2; st_n = LEGACY; end
      LEGACY: begin mode = 2'd1; drop = 1'b1; st_n = DBG0; end
    endcase
  end
endmodule
