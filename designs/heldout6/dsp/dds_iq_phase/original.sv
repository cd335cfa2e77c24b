// Quadrature DDS front end: two phase accumulators, the Q channel starts a quarter turn ahead.
module dds_phase_acc #(
  parameter int W = 32,
  parameter [W-1:0] INIT = '0
) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         en,
  input  logic         sync,      // phase reset
  input  logic [W-1:0] fcw,
  output logic [W-1:0] phase
);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)    phase <= INIT;
    else if (sync) phase <= INIT;
    else if (en)   phase <= phase + fcw;
  end
endmodule

module dds_iq (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        en,
  input  logic        sync,
  input  logic [23:0] fcw,
  output logic [9:0]  lut_addr_i,
  output logic [9:0]  lut_addr_q
);
  logic [23:0] ph_i, ph_q;

  dds_phase_acc #(.W(24), .INIT(24'h000000)) u_acc_i (
    .clk(clk), .rst_n(rst_n), .en(en), .sync(sync), .fcw(fcw), .phase(ph_i));
  dds_phase_acc #(.W(24), .INIT(24'h400000)) u_acc_q (
    .clk(clk), .rst_n(rst_n), .en(en), .sync(sync), .fcw(fcw), .phase(ph_q));

  assign lut_addr_i = ph_i[23:14];
  assign lut_addr_q = ph_q[23:14];
endmodule
