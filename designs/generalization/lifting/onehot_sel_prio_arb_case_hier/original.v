// fixed-priority arbiter module (registered one-hot-or-zero grant) feeding a read mux in another module
module prio_arb8 (input clk, input rst, input [7:0] req, output reg [7:0] gnt);
  always @(posedge clk)
    if (rst) gnt <= 8'd0;
    else gnt <= req & (~req + 8'd1);
endmodule

module port_mux8 (input [7:0] g, input [127:0] d, output reg [15:0] q);
  reg [2:0] idx;
  always @* begin
    case (g)
      8'b0000_0010: idx = 3'd1;
      8'b0000_0100: idx = 3'd2;
      8'b0000_1000: idx = 3'd3;
      8'b0001_0000: idx = 3'd4;
      8'b0010_0000: idx = 3'd5;
      8'b0100_0000: idx = 3'd6;
      8'b1000_0000: idx = 3'd7;
      default:      idx = 3'd0;
    endcase
    case (idx)
      3'd0: q = d[15:0];
      3'd1: q = d[31:16];
      3'd2: q = d[47:32];
      3'd3: q = d[63:48];
      3'd4: q = d[79:64];
      3'd5: q = d[95:80];
      3'd6: q = d[111:96];
      default: q = d[127:112];
    endcase
  end
endmodule

module arb_read (input clk, input rst, input [7:0] req, input [127:0] d, output [15:0] q, output [7:0] gnt);
  prio_arb8 u_arb (.clk(clk), .rst(rst), .req(req), .gnt(gnt));
  port_mux8 u_mux (.g(gnt), .d(d), .q(q));
endmodule
