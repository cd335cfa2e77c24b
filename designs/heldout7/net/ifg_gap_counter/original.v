// Inter-frame gap: after the last byte of a frame, wait IFG idle cycles before the next start
module ifg_gate #(parameter IFG = 24) (
  input clk, input rst,
  input tx_active,          // a frame is being transmitted
  input start_req,
  output start_ok, output reg gap_ok
);
  integer gap;
  always @(posedge clk) begin
    if (rst) begin
      gap <= IFG; gap_ok <= 1'b1;
    end else if (tx_active) begin
      gap <= 0; gap_ok <= 1'b0;
    end else if (gap < IFG) begin
      gap <= gap + 1;
      gap_ok <= (gap + 1 >= IFG);
    end
  end
  assign start_ok = start_req && gap_ok && !tx_active;
endmodule

module mac_tx_ifg (input clk, input rst, input tx_active, input start_req, output start_ok, output gap_ok);
  ifg_gate #(.IFG(12)) u_ifg (.clk(clk), .rst(rst), .tx_active(tx_active), .start_req(start_req),
                              .start_ok(start_ok), .gap_ok(gap_ok));
endmodule
