// Burst transfer engine: a word counter instance loads a length and counts accepted words down; a
// separate status instance keeps a sticky error for a go while running; 'running' is the counter's
// left != 0 (the status block's own active flag always equalled it).
module xfer_count #(parameter CW = 8) (
  input  wire          clk,
  input  wire          rst_n,
  input  wire          go,
  input  wire [CW-1:0] len,
  input  wire          ack,
  output reg  [CW-1:0] left,
  output wire          final_word
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      left <= {CW{1'b0}};
    else if (go && left == {CW{1'b0}})
      left <= len;
    else if (ack && left != {CW{1'b0}})
      left <= left - 1'b1;
  end
  assign final_word = (left == 1);
endmodule

module xfer_status #(parameter CW = 8) (
  input  wire          clk,
  input  wire          rst_n,
  input  wire          go,
  input  wire [CW-1:0] len,
  input  wire          idle,
  input  wire          ack,
  input  wire          final_word,
  output reg           active,
  output reg           err
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      active <= 1'b0;
      err    <= 1'b0;
    end else begin
      if (go && idle && len != {CW{1'b0}})
        active <= 1'b1;
      else if (ack && final_word)
        active <= 1'b0;
      if (go && !idle)
        err <= 1'b1;
    end
  end
endmodule

module burst_xfer (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       go,
  input  wire [6:0] len,
  input  wire       ack,
  output wire [6:0] left,
  output wire       running,
  output wire       err
);
  wire fin;
  xfer_count #(.CW(7)) u_cnt (
    .clk(clk), .rst_n(rst_n), .go(go), .len(len), .ack(ack), .left(left), .final_word(fin)
  );
  xfer_status #(.CW(7)) u_stat (
    .clk(clk), .rst_n(rst_n), .go(go), .len(len), .idle(~|left), .ack(ack), .final_word(fin),
    .active(), .err(err)
  );
  assign running = |left;
endmodule
