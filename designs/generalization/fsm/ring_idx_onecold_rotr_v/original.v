// TDM slot strobe: an active-low 8-slot ring rotating right each frame tick; the slot number encoded by a case.
module tdm_slots (
  input            clk,
  input            rst_n,
  input            tick,
  output reg [7:0] slot_n,
  output reg [2:0] slot_id,
  output           mine
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n)    slot_n <= 8'b0111_1111;
    else if (tick) slot_n <= {slot_n[0], slot_n[7:1]};
  always @* begin
    case (slot_n)
      8'b1111_1110: slot_id = 3'd0;
      8'b1111_1101: slot_id = 3'd1;
      8'b1111_1011: slot_id = 3'd2;
      8'b1111_0111: slot_id = 3'd3;
      8'b1110_1111: slot_id = 3'd4;
      8'b1101_1111: slot_id = 3'd5;
      8'b1011_1111: slot_id = 3'd6;
      default:      slot_id = 3'd7;
    endcase
  end
  assign mine = ~slot_n[5];
endmodule
