// Half-step sequencer: a 3-bit up/down phase counter, coils decoded from it (no coil register).
module stepper_ctrl (
  input  logic       clk,
  input  logic       rst,
  input  logic       step,
  input  logic       dir,
  input  logic       enable,
  output logic [3:0] coils
);
  logic [2:0] ph;
  always_ff @(posedge clk) begin
    if (rst)       ph <= 3'd0;
    else if (step) ph <= dir ? ph + 3'd1 : ph - 3'd1;
  end

  logic [3:0] pat;
  always_comb begin
    unique case (ph)
      3'd0: pat = 4'b1000;
      3'd1: pat = 4'b1100;
      3'd2: pat = 4'b0100;
      3'd3: pat = 4'b0110;
      3'd4: pat = 4'b0010;
      3'd5: pat = 4'b0011;
      3'd6: pat = 4'b0001;
      default: pat = 4'b1001;
    endcase
  end

  assign coils = enable ? pat : 4'b0000;
endmodule
