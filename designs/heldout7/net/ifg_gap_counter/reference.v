// Inter-frame gap: after the last byte of a frame, wait IFG idle cycles before the next start
module ifg_gate #(parameter IFG = 24) (
  input clk, input rst,
  input tx_active,          // a frame is being transmitted
  input start_req,
  output start_ok, output gap_ok
);
  reg [$clog2(IFG+1)-1:0] gap;
  always @(posedge clk) begin
    if (rst) begin
      gap <= IFG;
    end else if (tx_active) begin
      gap <= 0;
    end else if (gap != IFG) begin
      gap <= gap + 1'b1;
    end
  end
  assign gap_ok   = (gap == IFG);
  assign start_ok = start_req && gap_ok && !tx_active;
endmodule

module mac_tx_ifg (input clk, input rst, input tx_active, input start_req, output start_ok, output gap_ok);
  ifg_gate #(.IFG(12)) u_ifg (.clk(clk), .rst(rst), .tx_active(tx_active), .start_req(start_req),
                              .start_ok(start_ok), .gap_ok(gap_ok));
endmodule
