// Sync-word detector for "1101" (overlapping), one state per last-three-bits history.
module seq_det (
  input  logic clk,
  input  logic rst_n,
  input  logic en,
  input  logic din,
  output logic hit
);
  typedef enum logic [2:0] {
    H000, H001, H010, H011, H100, H101, H110, H111
  } hist_e;

  hist_e st, st_n;

  always_comb begin
    st_n = st;
    if (en) begin
      unique case (st)
        H000: st_n = din ? H001 : H000;
        H001: st_n = din ? H011 : H010;
        H010: st_n = din ? H101 : H100;
        H011: st_n = din ? H111 : H110;
        H100: st_n = din ? H001 : H000;
        H101: st_n = din ? H011 : H010;
        H110: st_n = din ? H101 : H100;
        H111: st_n = din ? H111 : H110;
        default: st_n = H000;
      endcase
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) st <= H000;
    else        st <= st_n;
  end

  // "1101": history 110 followed by a 1
  assign hit = en && din && (st == H110);
endmodule
