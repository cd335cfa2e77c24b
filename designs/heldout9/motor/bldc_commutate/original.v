// BLDC six-step commutation: hall sensors -> sector (0..5), registered; the gate driver registers
// the six high/low-side enables decoded from the sector again one cycle later.
module hall_sector (
  input  wire clk, rst,
  input  wire [2:0] hall,
  input  wire fwd,
  output reg  [2:0] sector,
  output reg  fault
);
  reg [2:0] s;
  always @* begin
    case (hall)
      3'b001: s = 3'd0;
      3'b011: s = 3'd1;
      3'b010: s = 3'd2;
      3'b110: s = 3'd3;
      3'b100: s = 3'd4;
      3'b101: s = 3'd5;
      default: s = 3'd0;
    endcase
    if (!fwd) s = (s >= 3'd3) ? s - 3'd3 : s + 3'd3;
  end
  always @(posedge clk)
    if (rst) begin sector <= 3'd0; fault <= 1'b0; end
    else begin sector <= s; fault <= (hall == 3'b000) || (hall == 3'b111); end
endmodule

module gate_drive (
  input  wire clk, rst,
  input  wire [2:0] sector_now,
  input  wire fault,
  output reg  [5:0] gates,
  output reg  [2:0] sector_q
);
  function [5:0] pattern;  // {AH, AL, BH, BL, CH, CL}
    input [2:0] sec;
    case (sec)
      3'd0: pattern = 6'b10_01_00;
      3'd1: pattern = 6'b10_00_01;
      3'd2: pattern = 6'b00_10_01;
      3'd3: pattern = 6'b01_10_00;
      3'd4: pattern = 6'b01_00_10;
      3'd5: pattern = 6'b00_01_10;
      default: pattern = 6'b00_00_00;
    endcase
  endfunction
  // delayed copy of the sector and the gate pattern of that copy, both registered
  always @(posedge clk)
    if (rst) begin sector_q <= 3'd0; gates <= 6'b10_01_00; end
    else begin sector_q <= sector_now; gates <= fault ? 6'd0 : pattern(sector_now); end
endmodule

module bldc_commutate (
  input  wire clk, rst,
  input  wire [2:0] hall,
  input  wire fwd,
  output wire [5:0] gates,
  output wire [2:0] sector,
  output wire fault
);
  wire [2:0] sec, sec_q;
  wire flt;
  hall_sector u_hs (.clk(clk), .rst(rst), .hall(hall), .fwd(fwd), .sector(sec), .fault(flt));
  gate_drive  u_gd (.clk(clk), .rst(rst), .sector_now(sec), .fault(flt), .gates(gates), .sector_q(sec_q));
  assign sector = sec_q;
  assign fault  = flt;
endmodule
