// Audio delay line over a 48-entry ring: one pointer; the tap address is the write address - 2 mod 48.
module ring_ptr #(
  parameter int DEPTH = 48,
  parameter int INIT  = 0
) (
  input  logic                     clk,
  input  logic                     rst,
  input  logic                     adv,
  output logic [$clog2(DEPTH)-1:0] ptr
);
  always_ff @(posedge clk) begin
    if (rst)
      ptr <= INIT;
    else if (adv) begin
      if (ptr == DEPTH - 1) ptr <= '0;
      else                  ptr <= ptr + 1'b1;
    end
  end
endmodule

module delay_taps (
  input  logic       clk,
  input  logic       rst,
  input  logic       sample_en,
  output logic [5:0] waddr,
  output logic [5:0] taddr,
  output logic       we
);
  ring_ptr #(.DEPTH(48), .INIT(2)) u_w (.clk(clk), .rst(rst), .adv(sample_en), .ptr(waddr));
  assign taddr = (waddr < 6'd2) ? waddr + 6'd46 : waddr - 6'd2;
  assign we = sample_en;
endmodule
