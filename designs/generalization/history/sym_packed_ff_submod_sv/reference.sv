// hand reference: m[j] = the last j+1 symbols matched the first j+1 symbols of A 5 C 3
module frame_mark (input logic clk, input logic rst_n, input logic en, input logic [3:0] sym,
                   output logic marker);
  logic [3:0] m;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) m <= '0;
    else if (en) begin
      m[0] <= sym == 4'hA;
      m[1] <= m[0] && sym == 4'h5;
      m[2] <= m[1] && sym == 4'hC;
      m[3] <= m[2] && sym == 4'h3;
    end
  end
  assign marker = m[3];
endmodule
