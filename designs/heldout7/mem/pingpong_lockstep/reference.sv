// Ping-pong buffer address control: the writer fills one bank while the reader drains the other in reverse
module pp_writer #(parameter int LEN = 64, localparam int IW = $clog2(LEN)) (
  input  logic          clk, rst, en,
  output logic          wbank,
  output logic [IW-1:0] widx,
  output logic          line_done
);
  assign line_done = en && (widx == IW'(LEN - 1));
  always_ff @(posedge clk)
    if (rst) begin wbank <= 1'b0; widx <= '0; end
    else if (en) begin
      if (widx == IW'(LEN - 1)) begin widx <= '0; wbank <= ~wbank; end
      else widx <= widx + 1'b1;
    end
endmodule

module pingpong48 (
  input  logic       clk, rst, en,
  output logic [6:0] waddr, raddr,
  output logic       line_done
);
  logic       wbank;
  logic [5:0] widx;
  pp_writer #(.LEN(48)) u_w (.*);
  assign waddr = {wbank, widx};
  assign raddr = {~wbank, 6'd47 - widx};   // the reader runs in lock step, mirrored
endmodule
