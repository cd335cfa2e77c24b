// Kiln controller: one-hot phase vector, each phase's exit written in its own always-block arm, and a
// shared 14-bit phase timer. The vent phase is entered only with vent_en, which this product's top ties
// low: VENT is unreachable, its bit stays 0, and the timer then never passes SOAK_T - 1 = 119.
module kiln_seq #(parameter RAMP_T = 100, parameter SOAK_T = 120, parameter VENT_T = 9000) (
  input  wire clk,
  input  wire rst,
  input  wire fire,
  input  wire hot,
  input  wire vent_en,
  output wire heat,
  output wire fan,
  output wire ready
);
  reg [4:0] ph;            // {COOL, VENT, SOAK, RAMP, IDLE}
  reg [13:0] tmr;

  always @(posedge clk) begin
    if (rst) begin
      ph  <= 5'b00001;
      tmr <= 14'd0;
    end else begin
      case (1'b1)
        ph[0]: begin
          tmr <= 14'd0;
          if (fire) ph <= 5'b00010;
        end
        ph[1]: begin
          if (hot || tmr == RAMP_T - 1) begin ph <= 5'b00100; tmr <= 14'd0; end
          else tmr <= tmr + 14'd1;
        end
        ph[2]: begin
          if (tmr == SOAK_T - 1) begin
            tmr <= 14'd0;
            ph  <= vent_en ? 5'b01000 : 5'b10000;
          end else tmr <= tmr + 14'd1;
        end
        ph[3]: begin
          if (tmr == VENT_T - 1) begin ph <= 5'b10000; tmr <= 14'd0; end
          else tmr <= tmr + 14'd1;
        end
        ph[4]: begin
          tmr <= 14'd0;
          if (!fire) ph <= 5'b00001;
        end
        default: begin ph <= 5'b00001; tmr <= 14'd0; end
      endcase
    end
  end

  assign heat  = ph[1] | ph[2];
  assign fan   = ph[3] | ph[4];
  assign ready = ph[0];
endmodule

module kiln_ctrl (
  input  wire clk,
  input  wire rst,
  input  wire fire,
  input  wire hot,
  output wire heat,
  output wire fan,
  output wire ready
);
  // studio model: no vent cycle
  kiln_seq #(.RAMP_T(100), .SOAK_T(120), .VENT_T(9000)) u_seq (
    .clk(clk), .rst(rst), .fire(fire), .hot(hot), .vent_en(1'b0),
    .heat(heat), .fan(fan), .ready(ready));
endmodule
