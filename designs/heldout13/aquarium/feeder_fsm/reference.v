// Aquarium auto-feeder: dispense pellets for FEED_T ticks, then let them settle.
module feeder #(parameter FEED_T = 20, parameter SETTLE_T = 100) (
  input  wire clk,
  input  wire rst,
  input  wire tick,
  input  wire feed_req,
  output wire auger,
  output wire busy,
  output wire pump_off
);
  // outputs are state decodes; the count stays below 45 (6 bits)
  localparam IDLE = 2'd0, FEED = 2'd1, SETTLE = 2'd2;
  reg [1:0] st;
  reg [5:0] cnt;

  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; cnt <= 0;
    end else begin
      case (st)
        IDLE: if (feed_req) begin st <= FEED; cnt <= 0; end
        FEED: if (tick) begin
          if (cnt == 6'd11) begin st <= SETTLE; cnt <= 0; end
          else cnt <= cnt + 1'b1;
        end
        SETTLE: if (tick) begin
          if (cnt == 6'd44) begin st <= IDLE; cnt <= 0; end
          else cnt <= cnt + 1'b1;
        end
        default: st <= IDLE;
      endcase
    end
  end

  assign auger    = (st == FEED);
  assign busy     = (st != IDLE);
  assign pump_off = (st != IDLE);
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
