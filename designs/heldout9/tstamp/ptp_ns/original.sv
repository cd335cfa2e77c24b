// Timestamp unit: a nanosecond field advanced by the clock period (INC ns per cycle) that wraps at
// NS_MAX into a seconds field, plus a capture register for an event input.
module ts_clock #(parameter int INC = 8, parameter int NS_MAX = 1000, parameter int SW = 8) (
  input  logic clk, rst,
  output logic [$clog2(NS_MAX)-1:0] ns,
  output logic [SW-1:0] sec
);
  logic [15:0] ns_acc;           // nanosecond accumulator (16 bits: any NS_MAX up to 65535)
  always_ff @(posedge clk) begin
    if (rst) begin ns_acc <= '0; sec <= '0; end
    else if (ns_acc >= NS_MAX - INC) begin ns_acc <= '0; sec <= sec + 1'b1; end
    else ns_acc <= ns_acc + 16'(INC);
  end
  assign ns = ns_acc[$clog2(NS_MAX)-1:0];
endmodule

module ts_capture #(parameter int NW = 10, parameter int SW = 8) (
  input  logic clk, rst, evt,
  input  logic [NW-1:0] ns,
  input  logic [SW-1:0] sec,
  output logic [NW+SW-1:0] stamp,
  output logic stamp_valid
);
  always_ff @(posedge clk) begin
    if (rst) begin stamp <= '0; stamp_valid <= 1'b0; end
    else begin
      stamp_valid <= evt;
      if (evt) stamp <= {sec, ns};
    end
  end
endmodule

module ptp_ts (
  input  logic clk, rst, evt,
  output logic [9:0] ns,
  output logic [5:0] sec,
  output logic [15:0] stamp,
  output logic stamp_valid
);
  ts_clock   #(.INC(8), .NS_MAX(1000), .SW(6)) u_clk (.clk, .rst, .ns, .sec);
  ts_capture #(.NW(10), .SW(6)) u_cap (.clk, .rst, .evt, .ns, .sec, .stamp, .stamp_valid);
endmodule
