// Select the queue's free count first, then one 12-bit comparator.
module fill_check (
  input      [11:0] free0, free1, free2, free3, free4, free5, free6, free7,
  input      [11:0] burst_len,
  input      [2:0]  qsel,
  input             req,
  output            admit
);
  wire [11:0] f = qsel[2] ? (qsel[1] ? (qsel[0] ? free7 : free6) : (qsel[0] ? free5 : free4))
                          : (qsel[1] ? (qsel[0] ? free3 : free2) : (qsel[0] ? free1 : free0));
  assign admit = req & (f >= burst_len);
endmodule
