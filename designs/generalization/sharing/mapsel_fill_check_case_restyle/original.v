// Egress admission: a burst may be queued on queue 'qsel' only if that queue has at least
// burst_len free slots. Written as a case on the queue number, one magnitude compare per arm.
module fill_check (
  input      [11:0] free0, free1, free2, free3, free4, free5, free6, free7,
  input      [11:0] burst_len,
  input      [2:0]  qsel,
  input             req,
  output reg        admit
);
  reg room;
  always @* begin
    case (qsel)
      3'd0: room = (free0 >= burst_len);
      3'd1: room = (free1 >= burst_len);
      3'd2: room = (free2 >= burst_len);
      3'd3: room = (free3 >= burst_len);
      3'd4: room = (free4 >= burst_len);
      3'd5: room = (free5 >= burst_len);
      3'd6: room = (free6 >= burst_len);
      default: room = (free7 >= burst_len);
    endcase
    admit = req & room;
  end
endmodule
