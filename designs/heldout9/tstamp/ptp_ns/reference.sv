// Timestamp unit: INC = 8 divides NS_MAX, so the three low nanosecond bits are always zero from reset;
// only ns[9:3] is kept (counter and capture register).
module ts_clock #(parameter int INC = 8, parameter int NS_MAX = 1000, parameter int SW = 8) (
  input  logic clk, rst,
  output logic [$clog2(NS_MAX)-1:0] ns,
  output logic [SW-1:0] sec
);
  localparam int NW = $clog2(NS_MAX);
  localparam int LB = $clog2(INC);
  logic [NW-LB-1:0] nsh;
  always_ff @(posedge clk) begin
    if (rst) begin nsh <= '0; sec <= '0; end
    else if (nsh == (NS_MAX - INC) / INC) begin nsh <= '0; sec <= sec + 1'b1; end
    else nsh <= nsh + 1'b1;
  end
  assign ns = {nsh, {LB{1'b0}}};
endmodule

module ts_capture #(parameter int NW = 10, parameter int SW = 8, parameter int LB = 3) (
  input  logic clk, rst, evt,
  input  logic [NW-1:0] ns,
  input  logic [SW-1:0] sec,
  output logic [NW+SW-1:0] stamp,
  output logic stamp_valid
);
  logic [NW+SW-LB-1:0] st;
  always_ff @(posedge clk) begin
    if (rst) begin st <= '0; stamp_valid <= 1'b0; end
    else begin
      stamp_valid <= evt;
      if (evt) st <= {sec, ns[NW-1:LB]};
    end
  end
  assign stamp = {st, {LB{1'b0}}};
endmodule

module ptp_ts (
  input  logic clk, rst, evt,
  output logic [9:0] ns,
  output logic [5:0] sec,
  output logic [15:0] stamp,
  output logic stamp_valid
);
  ts_clock   #(.INC(8), .NS_MAX(1000), .SW(6)) u_clk (.clk, .rst, .ns, .sec);
  ts_capture #(.NW(10), .SW(6), .LB(3)) u_cap (.clk, .rst, .evt, .ns, .sec, .stamp, .stamp_valid);
endmodule
