// Credit is 1..6: 3 bits.
module wrr_top (
  input  logic       clk,
  input  logic       rst,
  input  logic [3:0] req,
  output logic [3:0] gnt,
  output logic [1:0] cur
);
  logic [2:0] credit;
  logic [1:0] nxt;
  logic [2:0] wnext;
  always_comb begin
    gnt = req[cur] ? (4'b0001 << cur) : 4'b0000;
    nxt = cur + 2'd1;
    case (nxt)
      2'd0:    wnext = 3'd6;
      2'd1:    wnext = 3'd3;
      2'd2:    wnext = 3'd2;
      default: wnext = 3'd1;
    endcase
  end
  always_ff @(posedge clk) begin
    if (rst) begin
      cur    <= 2'd0;
      credit <= 3'd6;
    end else if (!req[cur] || credit == 3'd1) begin
      cur    <= nxt;
      credit <= wnext;
    end else begin
      credit <= credit - 3'd1;
    end
  end
endmodule
