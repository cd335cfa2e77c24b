// Sensor polling master with a response timeout; the on-chip ADC sequencer
// it polls answers after a fixed latency.
module poll_master #(parameter TW = 12, parameter [TW-1:0] TIMEOUT = 12'd2000) (
  input clk, input rst_n, input tick, input ack,
  input [7:0] rdata,
  output reg req, output reg [7:0] value, output reg err, output reg fresh
);
  localparam IDLE = 2'd0, REQ = 2'd1, WAIT = 2'd2, ERR = 2'd3;
  reg [1:0] st, nx;
  reg [TW-1:0] to;
  always @* begin
    nx = st;
    case (st)
      IDLE: if (tick) nx = REQ;
      REQ:  nx = WAIT;
      WAIT: if (ack) nx = IDLE;
            else if (to == TIMEOUT) nx = ERR;
      ERR:  nx = IDLE;
    endcase
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      st <= IDLE; to <= {TW{1'b0}}; req <= 1'b0; value <= 8'd0; err <= 1'b0; fresh <= 1'b0;
    end else begin
      st    <= nx;
      req   <= (nx == REQ);
      to    <= (st == WAIT) ? to + 1'b1 : {TW{1'b0}};
      fresh <= (st == WAIT) && ack;
      if (st == WAIT && ack) begin
        value <= rdata;
        err   <= 1'b0;
      end else if (st == ERR) begin
        err   <= 1'b1;
      end
    end
endmodule

module adc_seq #(parameter LAT = 4) (
  input clk, input rst_n, input req,
  input [7:0] sample,
  output reg ack, output reg [7:0] rdata
);
  reg [3:0] c;
  reg busy;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      c <= 4'd0; busy <= 1'b0; ack <= 1'b0; rdata <= 8'd0;
    end else begin
      ack <= 1'b0;
      if (!busy && req) begin
        busy <= 1'b1; c <= LAT - 1;
      end else if (busy) begin
        if (c == 4'd0) begin busy <= 1'b0; ack <= 1'b1; rdata <= sample; end
        else c <= c - 1'b1;
      end
    end
endmodule

module sensor_poll (
  input clk, input rst_n, input poll_tick,
  input [7:0] adc_in,
  output [7:0] reading, output fault, output new_reading
);
  wire req, ack;
  wire [7:0] rd;
  poll_master #(.TW(10), .TIMEOUT(10'd600)) u_m (.clk(clk), .rst_n(rst_n), .tick(poll_tick), .ack(ack), .rdata(rd),
    .req(req), .value(reading), .err(fault), .fresh(new_reading));
  adc_seq #(.LAT(6)) u_adc (.clk(clk), .rst_n(rst_n), .req(req), .sample(adc_in), .ack(ack), .rdata(rd));
endmodule
