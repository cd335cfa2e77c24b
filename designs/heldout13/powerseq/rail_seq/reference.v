// Board power sequencer: three rails up in order with a settle delay, down in reverse.
module rail_seq #(parameter DLY = 100, parameter TW = 16) (
  input  wire clk,
  input  wire rst_n,
  input  wire pwr_req,
  input  wire pg_fault,
  output wire en1,
  output wire en2,
  output wire en3,
  output wire all_good
);
  // rail enables are decodes of the state; the settle timer stops at 24 (5 bits)
  localparam OFF = 3'd0, UP1 = 3'd1, UP2 = 3'd2, UP3 = 3'd3, ON = 3'd4,
             DN3 = 3'd5, DN2 = 3'd6, DN1 = 3'd7;
  reg [2:0] st, nx;
  reg [4:0] tmr;
  wire settled = (tmr == 5'd24);

  always @(*) begin
    nx = st;
    case (st)
      OFF: if (pwr_req && !pg_fault) nx = UP1;
      UP1: if (pg_fault || !pwr_req) nx = DN1; else if (settled) nx = UP2;
      UP2: if (pg_fault || !pwr_req) nx = DN2; else if (settled) nx = UP3;
      UP3: if (pg_fault || !pwr_req) nx = DN3; else if (settled) nx = ON;
      ON:  if (pg_fault || !pwr_req) nx = DN3;
      DN3: if (settled) nx = DN2;
      DN2: if (settled) nx = DN1;
      DN1: if (settled) nx = OFF;
    endcase
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st  <= OFF;
      tmr <= 0;
    end else begin
      st  <= nx;
      tmr <= (nx != st) ? 5'd0 : (settled ? tmr : tmr + 1'b1);
    end
  end

  assign en1 = (st != OFF);
  assign en2 = (st == UP2) || (st == UP3) || (st == ON) || (st == DN3) || (st == DN2);
  assign en3 = (st == UP3) || (st == ON) || (st == DN3);
  assign all_good = (st == ON);
endmodule

module board_power (
  input  wire clk,
  input  wire rst_n,
  input  wire pwr_req,
  input  wire pg_fault,
  output wire en_core,
  output wire en_io,
  output wire en_ddr,
  output wire pgood
);
  rail_seq #(.DLY(25), .TW(16)) u_seq (.clk(clk), .rst_n(rst_n), .pwr_req(pwr_req), .pg_fault(pg_fault),
    .en1(en_core), .en2(en_io), .en3(en_ddr), .all_good(pgood));
endmodule
