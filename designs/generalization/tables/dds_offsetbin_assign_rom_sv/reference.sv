// offset-binary sine: second half is the bitwise complement, second quarter mirrors the first
module dds_ob64 (
  input  logic       clk,
  input  logic [5:0] phase,
  output logic [7:0] dac
);
  logic [3:0] a;
  logic [7:0] m;
  assign a = phase[4] ? ~phase[3:0] : phase[3:0];
  always_comb begin
    case (a)
      4'd0: m = 8'h86;
      4'd1: m = 8'h92;
      4'd2: m = 8'h9E;
      4'd3: m = 8'hAA;
      4'd4: m = 8'hB6;
      4'd5: m = 8'hC1;
      4'd6: m = 8'hCB;
      4'd7: m = 8'hD5;
      4'd8: m = 8'hDE;
      4'd9: m = 8'hE6;
      4'd10: m = 8'hED;
      4'd11: m = 8'hF3;
      4'd12: m = 8'hF8;
      4'd13: m = 8'hFB;
      4'd14: m = 8'hFE;
      4'd15: m = 8'hFF;
      default: m = 8'h00;
    endcase
  end
  always_ff @(posedge clk) dac <= phase[5] ? ~m : m;
endmodule
