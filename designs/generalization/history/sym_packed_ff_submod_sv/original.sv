// 4-bit symbol window as an SV packed array in a sub-module (always_ff, for loop shift, active-low async
// reset of the whole array, enable); the parent compares the taps with the frame marker A 5 C 3
module sym_line #(parameter int N = 4, parameter int W = 4) (
  input  logic clk, input logic rst_n, input logic en, input logic [W-1:0] sym,
  output logic [N-1:0][W-1:0] taps
);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) taps <= '0;
    else if (en) begin
      taps[0] <= sym;
      for (int i = 1; i < N; i++) taps[i] <= taps[i-1];
    end
  end
endmodule

module frame_mark (input logic clk, input logic rst_n, input logic en, input logic [3:0] sym,
                   output logic marker);
  logic [3:0][3:0] t;
  sym_line #(.N(4), .W(4)) u_line (.clk, .rst_n, .en, .sym, .taps(t));
  assign marker = (t[3] == 4'hA) && (t[2] == 4'h5) && (t[1] == 4'hC) && (t[0] == 4'h3);
endmodule
