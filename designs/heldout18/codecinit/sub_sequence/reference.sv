// Audio codec power-up initialiser: writes 6 control registers over a
// 3-wire serial port; one write sub-sequence indexed by a register number.
module codec_init #(
  parameter logic [95:0] INIT = {16'h0A00, 16'h0817, 16'h0612, 16'h0400, 16'h0211, 16'h1E00}
) (
  input  logic clk, rst_n, go,
  output logic cs_n, sclk_en, mosi, done
);
  typedef enum logic [2:0] {IDLE, LOAD, SHIFT, GAP, DONE} st_t;
  st_t st;
  logic [2:0] idx;
  logic [15:0] sh;
  logic [3:0] cnt;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; idx <= '0; sh <= '0; cnt <= '0;
    end else begin
      unique case (st)
        IDLE, DONE: if (go) begin st <= LOAD; idx <= '0; end
        LOAD:  begin sh <= INIT[idx*16 +: 16]; cnt <= '0; st <= SHIFT; end
        SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= GAP; end
        GAP:   if (idx == 3'd5) st <= DONE; else begin idx <= idx + 1'b1; st <= LOAD; end
        default: st <= IDLE;
      endcase
    end
  end
  assign sclk_en = (st == SHIFT);
  assign cs_n    = !sclk_en;
  assign mosi    = sh[15];
  assign done    = (st == DONE);
endmodule
module codec_if (
  input  logic clk, rst_n, boot,
  output logic csb, sclk, sdin, ready
);
  logic en;
  codec_init #(.INIT({16'h0C1F, 16'h0A06, 16'h0810, 16'h0501, 16'h0379, 16'h1200})) u_init (
    .clk, .rst_n, .go(boot), .cs_n(csb), .sclk_en(en), .mosi(sdin), .done(ready));
  assign sclk = en;
endmodule
