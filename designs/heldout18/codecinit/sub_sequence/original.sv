// Audio codec power-up initialiser: writes 6 control registers over a
// 3-wire serial port; each write is spelled out as its own states.
module codec_init #(
  parameter logic [95:0] INIT = {16'h0A00, 16'h0817, 16'h0612, 16'h0400, 16'h0211, 16'h1E00}
) (
  input  logic clk, rst_n, go,
  output logic cs_n, sclk_en, mosi, done
);
  typedef enum logic [4:0] {IDLE, W0_LOAD, W0_SHIFT, W0_GAP, W1_LOAD, W1_SHIFT, W1_GAP, W2_LOAD, W2_SHIFT, W2_GAP, W3_LOAD, W3_SHIFT, W3_GAP, W4_LOAD, W4_SHIFT, W4_GAP, W5_LOAD, W5_SHIFT, W5_GAP, DONE} st_t;
  st_t st;
  logic [15:0] sh;
  logic [3:0] cnt;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; sh <= '0; cnt <= '0;
    end else begin
      unique case (st)
        IDLE:  if (go) st <= W0_LOAD;
        W0_LOAD:  begin sh <= INIT[0 +: 16]; cnt <= '0; st <= W0_SHIFT; end
        W0_SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= W0_GAP; end
        W0_GAP:   st <= W1_LOAD;
        W1_LOAD:  begin sh <= INIT[16 +: 16]; cnt <= '0; st <= W1_SHIFT; end
        W1_SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= W1_GAP; end
        W1_GAP:   st <= W2_LOAD;
        W2_LOAD:  begin sh <= INIT[32 +: 16]; cnt <= '0; st <= W2_SHIFT; end
        W2_SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= W2_GAP; end
        W2_GAP:   st <= W3_LOAD;
        W3_LOAD:  begin sh <= INIT[48 +: 16]; cnt <= '0; st <= W3_SHIFT; end
        W3_SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= W3_GAP; end
        W3_GAP:   st <= W4_LOAD;
        W4_LOAD:  begin sh <= INIT[64 +: 16]; cnt <= '0; st <= W4_SHIFT; end
        W4_SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= W4_GAP; end
        W4_GAP:   st <= W5_LOAD;
        W5_LOAD:  begin sh <= INIT[80 +: 16]; cnt <= '0; st <= W5_SHIFT; end
        W5_SHIFT: begin sh <= {sh[14:0], 1'b0}; cnt <= cnt + 1'b1; if (cnt == 4'd15) st <= W5_GAP; end
        W5_GAP:   st <= DONE;
        DONE:  if (go) st <= W0_LOAD;
        default: st <= IDLE;
      endcase
    end
  end
  assign sclk_en = st == W0_SHIFT || st == W1_SHIFT || st == W2_SHIFT || st == W3_SHIFT || st == W4_SHIFT || st == W5_SHIFT;
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
