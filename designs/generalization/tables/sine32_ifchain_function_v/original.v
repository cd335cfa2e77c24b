module sin_ifc (input clk, input [4:0] ph, output reg signed [7:0] y);
  function signed [7:0] sinv;
    input [4:0] a;
    begin
      if (a == 5'd0) sinv = 8'sd12;
      else if (a == 5'd1) sinv = 8'sd37;
      else if (a == 5'd2) sinv = 8'sd60;
      else if (a == 5'd3) sinv = 8'sd81;
      else if (a == 5'd4) sinv = 8'sd98;
      else if (a == 5'd5) sinv = 8'sd112;
      else if (a == 5'd6) sinv = 8'sd122;
      else if (a == 5'd7) sinv = 8'sd126;
      else if (a == 5'd8) sinv = 8'sd126;
      else if (a == 5'd9) sinv = 8'sd122;
      else if (a == 5'd10) sinv = 8'sd112;
      else if (a == 5'd11) sinv = 8'sd98;
      else if (a == 5'd12) sinv = 8'sd81;
      else if (a == 5'd13) sinv = 8'sd60;
      else if (a == 5'd14) sinv = 8'sd37;
      else if (a == 5'd15) sinv = 8'sd12;
      else if (a == 5'd16) sinv = -8'sd12;
      else if (a == 5'd17) sinv = -8'sd37;
      else if (a == 5'd18) sinv = -8'sd60;
      else if (a == 5'd19) sinv = -8'sd81;
      else if (a == 5'd20) sinv = -8'sd98;
      else if (a == 5'd21) sinv = -8'sd112;
      else if (a == 5'd22) sinv = -8'sd122;
      else if (a == 5'd23) sinv = -8'sd126;
      else if (a == 5'd24) sinv = -8'sd126;
      else if (a == 5'd25) sinv = -8'sd122;
      else if (a == 5'd26) sinv = -8'sd112;
      else if (a == 5'd27) sinv = -8'sd98;
      else if (a == 5'd28) sinv = -8'sd81;
      else if (a == 5'd29) sinv = -8'sd60;
      else if (a == 5'd30) sinv = -8'sd37;
      else if (a == 5'd31) sinv = -8'sd12;
      else sinv = 8'sd0;
    end
  endfunction
  always @(posedge clk) y <= sinv(ph);
endmodule
