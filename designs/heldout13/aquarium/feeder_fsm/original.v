// Aquarium auto-feeder: dispense pellets for FEED_T ticks, then let them settle.
module feeder #(parameter FEED_T = 20, parameter SETTLE_T = 100) (
  input  wire clk,
  input  wire rst,
  input  wire tick,
  input  wire feed_req,
  output reg  auger,
  output reg  busy,
  output reg  pump_off
);
  localparam IDLE = 2'd0, FEED = 2'd1, SETTLE = 2'd2;
  reg [1:0] st;
  integer cnt;

  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; cnt <= 0; auger <= 1'b0; busy <= 1'b0; pump_off <= 1'b0;
    end else begin
      case (st)
        IDLE: if (feed_req) begin
          st <= FEED; cnt <= 0; auger <= 1'b1; busy <= 1'b1; pump_off <= 1'b1;
        end
        FEED: if (tick) begin
          if (cnt == FEED_T - 1) begin
            st <= SETTLE; cnt <= 0; auger <= 1'b0;
          end else cnt <= cnt + 1;
        end
        SETTLE: if (tick) begin
          if (cnt == SETTLE_T - 1) begin
            st <= IDLE; cnt <= 0; busy <= 1'b0; pump_off <= 1'b0;
          end else cnt <= cnt + 1;
        end
        default: st <= IDLE;
      endcase
    end
  end
endmodule

module aqua_feeder (
  input  wire clk,
  input  wire rst,
  input  wire tick,
  input  wire feed_req,
  output wire auger,
  output wire busy,
  output wire pump_off
);
  feeder #(.FEED_T(12), .SETTLE_T(45)) u_f (.clk(clk), .rst(rst), .tick(tick), .feed_req(feed_req),
    .auger(auger), .busy(busy), .pump_off(pump_off));
endmodule
