// Ten-slot TDM countdown: the next slot comes from a table (9 down to 0, then reload 9).
module tdm_slot (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       tick,
  output logic [3:0] slot,
  output logic       frame_start
);
  logic [3:0] nxt;

  always_comb begin
    unique case (slot)
      4'd9: begin nxt = 4'd8; end
      4'd8: begin nxt = 4'd7; end
      4'd7: begin nxt = 4'd6; end
      4'd6: begin nxt = 4'd5; end
      4'd5: begin nxt = 4'd4; end
      4'd4: begin nxt = 4'd3; end
      4'd3: begin nxt = 4'd2; end
      4'd2: begin nxt = 4'd1; end
      4'd1: begin nxt = 4'd0; end
      default: begin nxt = 4'd9; end
    endcase
  end

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)    slot <= 4'd9;
    else if (tick) slot <= nxt;

  assign frame_start = tick && (slot == 4'd0);
endmodule
