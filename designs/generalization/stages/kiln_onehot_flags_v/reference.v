// Kiln controller, optimized by hand: with vent_en tied low by the top, VENT is unreachable (its bit
// removed, the fan is COOL alone) and the timer stays below SOAK_T = 120 (7 bits).
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
  reg [3:0] ph;            // {COOL, SOAK, RAMP, IDLE}
  reg [6:0] tmr;

  always @(posedge clk) begin
    if (rst) begin
      ph  <= 4'b0001;
      tmr <= 7'd0;
    end else begin
      case (1'b1)
        ph[0]: begin
          tmr <= 7'd0;
          if (fire) ph <= 4'b0010;
        end
        ph[1]: begin
          if (hot || tmr == RAMP_T - 1) begin ph <= 4'b0100; tmr <= 7'd0; end
          else tmr <= tmr + 7'd1;
        end
        ph[2]: begin
          if (tmr == SOAK_T - 1) begin tmr <= 7'd0; ph <= 4'b1000; end
          else tmr <= tmr + 7'd1;
        end
        ph[3]: begin
          tmr <= 7'd0;
          if (!fire) ph <= 4'b0001;
        end
        default: begin ph <= 4'b0001; tmr <= 7'd0; end
      endcase
    end
  end

  assign heat  = ph[1] | ph[2];
  assign fan   = ph[3];
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
