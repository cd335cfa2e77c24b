// Car park: entry/exit loop detectors (one pulse per car). The occupancy counter refuses entries
// when full; the display board keeps its own free-space counter and a FULL lamp.
module occ_counter #(parameter CAP = 200, parameter W = 8) (
  input  wire clk, rst_n,
  input  wire car_in, car_out,
  output reg  [W-1:0] occ,
  output wire admit,
  output wire leave
);
  assign admit = car_in  && (occ != CAP);
  assign leave = car_out && (occ != 0);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) occ <= {W{1'b0}};
    else if (admit && !leave) occ <= occ + 1'b1;
    else if (leave && !admit) occ <= occ - 1'b1;
endmodule

module parking_lot (
  input  wire clk, rst_n,
  input  wire car_in, car_out,
  output wire [7:0] occ,
  output wire [7:0] free,
  output wire full,
  output wire gate_open
);
  wire admit, leave;
  occ_counter #(.CAP(150), .W(8)) u_occ (.clk(clk), .rst_n(rst_n), .car_in(car_in), .car_out(car_out), .occ(occ), .admit(admit), .leave(leave));
  // the board's counter is always CAP - occ and its lamp is occ == CAP
  assign free = 8'd150 - occ;
  assign full = (occ == 8'd150);
  assign gate_open = admit;
endmodule
