// Rotate-left of a 12-bit sample word by a table; amounts 12..15 are unused codes and give zero.
module rot12_case (
  input  wire [11:0] x,
  input  wire [3:0]  amt,
  output reg  [11:0] y
);
  always @* begin
    case (amt)
      4'd0:    y = x;
      4'd1:    y = {x[10:0], x[11]};
      4'd2:    y = {x[9:0], x[11:10]};
      4'd3:    y = {x[8:0], x[11:9]};
      4'd4:    y = {x[7:0], x[11:8]};
      4'd5:    y = {x[6:0], x[11:7]};
      4'd6:    y = {x[5:0], x[11:6]};
      4'd7:    y = {x[4:0], x[11:5]};
      4'd8:    y = {x[3:0], x[11:4]};
      4'd9:    y = {x[2:0], x[11:3]};
      4'd10:   y = {x[1:0], x[11:2]};
      4'd11:   y = {x[0], x[11:1]};
      default: y = 12'd0;
    endcase
  end
endmodule
