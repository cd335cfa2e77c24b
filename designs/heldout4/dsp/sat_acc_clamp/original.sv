// Saturating accumulator of an audio level meter: adds signed 16-bit samples into a signed
// 20-bit accumulator that clamps instead of wrapping; dump clears it.
module sat_acc #(
  parameter int IW = 16,
  parameter int AW = 20
) (
  input  logic                 clk,
  input  logic                 rst_n,
  input  logic                 clr,
  input  logic                 in_valid,
  input  logic signed [IW-1:0] din,
  output logic signed [AW-1:0] acc,
  output logic                 clipped
);
  localparam logic signed [AW+1:0] MAXV = 2**(AW-1) - 1;
  localparam logic signed [AW+1:0] MINV = -(2**(AW-1));

  logic signed [AW+1:0] wide;
  logic signed [AW-1:0] nxt;
  logic                 sat;

  always_comb begin
    wide = acc + din;
    sat  = 1'b0;
    if (wide > MAXV) begin
      nxt = MAXV[AW-1:0];
      sat = 1'b1;
    end else if (wide < MINV) begin
      nxt = MINV[AW-1:0];
      sat = 1'b1;
    end else begin
      nxt = wide[AW-1:0];
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      acc     <= '0;
      clipped <= 1'b0;
    end else if (clr) begin
      acc     <= '0;
      clipped <= 1'b0;
    end else if (in_valid) begin
      acc     <= nxt;
      clipped <= clipped | sat;
    end
  end
endmodule

module level_meter (
  input  logic               clk,
  input  logic               rst_n,
  input  logic               clr,
  input  logic               in_valid,
  input  logic signed [11:0] din,
  output logic signed [15:0] acc,
  output logic               clipped
);
  sat_acc #(.IW(12), .AW(16)) u_acc (.*);
endmodule
