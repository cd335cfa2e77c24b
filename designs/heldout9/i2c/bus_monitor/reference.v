// I2C bus monitor: START/STOP detection on synchronised SCL/SDA; a transfer tracker counts bits of
// the current byte, and a separate arbitration helper keeps its own bus-busy flag.
module i2c_cond (
  input  wire clk, rst,
  input  wire scl_in, sda_in,
  output wire scl, sda,
  output wire start, stop, scl_rise
);
  reg [2:0] scl_s, sda_s;
  always @(posedge clk)
    if (rst) begin scl_s <= 3'b111; sda_s <= 3'b111; end
    else begin scl_s <= {scl_s[1:0], scl_in}; sda_s <= {sda_s[1:0], sda_in}; end
  assign scl = scl_s[1];
  assign sda = sda_s[1];
  assign start    = scl_s[1] & scl_s[2] & ~sda_s[1] &  sda_s[2];
  assign stop     = scl_s[1] & scl_s[2] &  sda_s[1] & ~sda_s[2];
  assign scl_rise = scl_s[1] & ~scl_s[2];
endmodule

module i2c_track (
  input  wire clk, rst,
  input  wire start, stop, scl_rise, sda,
  output reg  in_xfer,
  output reg  [3:0] bitcnt,
  output reg  [7:0] shreg,
  output wire byte_done
);
  always @(posedge clk)
    if (rst) begin in_xfer <= 1'b0; bitcnt <= 4'd0; shreg <= 8'd0; end
    else if (start) begin in_xfer <= 1'b1; bitcnt <= 4'd0; end
    else if (stop)  begin in_xfer <= 1'b0; bitcnt <= 4'd0; end
    else if (in_xfer && scl_rise) begin
      bitcnt <= (bitcnt == 4'd8) ? 4'd0 : bitcnt + 1'b1;
      if (bitcnt != 4'd8) shreg <= {shreg[6:0], sda};
    end
  assign byte_done = in_xfer && scl_rise && (bitcnt == 4'd7);
endmodule

module i2c_bus_monitor (
  input  wire clk, rst,
  input  wire scl_in, sda_in, want,
  output wire busy, may_start, byte_done,
  output wire [7:0] data
);
  wire scl, sda, start, stop, rise, inx;
  wire [3:0] bc;
  i2c_cond       u_c (.clk(clk), .rst(rst), .scl_in(scl_in), .sda_in(sda_in), .scl(scl), .sda(sda), .start(start), .stop(stop), .scl_rise(rise));
  i2c_track      u_t (.clk(clk), .rst(rst), .start(start), .stop(stop), .scl_rise(rise), .sda(sda), .in_xfer(inx), .bitcnt(bc), .shreg(data), .byte_done(byte_done));
  // start and stop are exclusive, so the helper's busy flag is the tracker's in_xfer
  assign busy = inx;
  assign may_start = want & ~inx;
endmodule
