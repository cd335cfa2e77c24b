module crc_byte (input logic [15:0] d, output logic [7:0] c);
  always_comb begin
    c = 8'h00;
    for (int i = 0; i < 16; i++)
      c = {c[6:0], 1'b0} ^ ((c[7] ^ d[i]) ? 8'h07 : 8'h00);
  end
endmodule

module crc_ports (
  input  logic        clk,
  input  logic        rst,
  input  logic        go,
  input  logic [15:0] a_word,
  input  logic [15:0] b_word,
  output logic [7:0]  a_crc,
  output logic [7:0]  b_crc
);
  typedef enum logic [1:0] {IDLE, DO_A, DO_B} st_t;
  st_t st;
  logic [7:0] crc_sh;
  crc_byte u (.d(st == DO_B ? b_word : a_word), .c(crc_sh));

  always_ff @(posedge clk) begin
    if (rst) begin
      st <= IDLE; a_crc <= '0; b_crc <= '0;
    end else begin
      case (st)
        IDLE: if (go) st <= DO_A;
        DO_A: begin a_crc <= crc_sh; st <= DO_B; end
        DO_B: begin b_crc <= crc_sh; st <= IDLE; end
        default: st <= IDLE;
      endcase
    end
  end
endmodule
