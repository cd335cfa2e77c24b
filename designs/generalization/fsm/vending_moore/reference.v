module vend(input clk, input rst, input nickel, input dime, output vendo);
  reg [2:0] credit;  // 0..3 = 0,5,10,15 cents; 4 = vend
  always @(posedge clk)
    if (rst) credit <= 3'd0;
    else if (credit[2]) credit <= 3'd0;
    else if (dime) credit <= (credit[1] ? 3'd4 : credit + 3'd2);
    else if (nickel) credit <= credit + 3'd1;
  assign vendo = credit[2];
endmodule
