// Read and write paths differ only by the registered pwrite: four states,
// encoded so that psel/penable/done are single state bits.
module apb_master (
  input  logic        pclk,
  input  logic        rst_n,
  input  logic        req,
  input  logic        req_write,
  input  logic [15:0] req_addr,
  input  logic [31:0] req_wdata,
  output logic        done,
  output logic [31:0] rdata,
  output logic        psel,
  output logic        penable,
  output logic        pwrite,
  output logic [15:0] paddr,
  output logic [31:0] pwdata,
  input  logic [31:0] prdata,
  input  logic        pready
);
  // {done, penable, psel}: IDLE 000, SETUP 001, ACCESS 011, DONE 100
  logic [2:0] st;
  assign psel    = st[0];
  assign penable = st[1];
  assign done    = st[2];

  always_ff @(posedge pclk or negedge rst_n) begin
    if (!rst_n) begin
      st     <= 3'b000;
      pwrite <= 1'b0;
      paddr  <= '0;
      pwdata <= '0;
      rdata  <= '0;
    end else begin
      unique case (st)
        3'b000: if (req) begin
          pwrite <= req_write;
          paddr  <= req_addr;
          pwdata <= req_wdata;
          st     <= 3'b001;
        end
        3'b001: st <= 3'b011;
        3'b011: if (pready) begin
          if (!pwrite) rdata <= prdata;
          st <= 3'b100;
        end
        default: st <= 3'b000;
      endcase
    end
  end
endmodule
