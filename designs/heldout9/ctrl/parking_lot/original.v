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

module free_board #(parameter CAP = 200, parameter W = 8) (
  input  wire clk, rst_n,
  input  wire admit, leave,
  output reg  [W-1:0] free,
  output reg  full_lamp
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin free <= CAP; full_lamp <= 1'b0; end
    else begin
      if (admit && !leave) begin free <= free - 1'b1; full_lamp <= (free == 1); end
      else if (leave && !admit) begin free <= free + 1'b1; full_lamp <= 1'b0; end
    end
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
  free_board  #(.CAP(150), .W(8)) u_brd (.clk(clk), .rst_n(rst_n), .admit(admit), .leave(leave), .free(free), .full_lamp(full));
  assign gate_open = admit;
endmodule
