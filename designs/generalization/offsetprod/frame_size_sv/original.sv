// Frame buffer size: the active area and the area with a 2-pixel border on each side (function).
module frame_size (
  input  logic [6:0] hact, vact,
  output logic [13:0] active,
  output logic [15:0] total
);
  function automatic logic [15:0] area(input logic [7:0] x, y);
    area = x * y;
  endfunction
  assign active = hact * vact;
  assign total = area(hact + 8'd4, vact + 8'd4);
endmodule
