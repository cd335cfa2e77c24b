// Reference: the register unit answers every request within 5 cycles, so the
// timeout (LIMIT = 300) never expires: no timeout counter, no S_FAIL state,
// tmo_err constant 0.
module rd_master #(parameter CW = 9, parameter [CW-1:0] LIMIT = 9'd300) (
  input clk, input rst_n, input start, input [3:0] addr_in,
  input rsp_vld, input [15:0] rsp_data,
  output reg rq, output reg [3:0] rq_addr,
  output reg [15:0] word, output reg done, output reg tmo_err
);
  localparam S_IDLE = 3'd0, S_ASK = 3'd1, S_WAIT = 3'd2, S_FAIL = 3'd3, S_DONE = 3'd4;
  reg [2:0] s, s_nx;

  always @(*) begin
    s_nx = s;
    case (s)
      S_IDLE: if (start) s_nx = S_ASK;
      S_ASK:  s_nx = S_WAIT;
      S_WAIT: begin
        if (rsp_vld)            s_nx = S_DONE;
      end
      S_DONE: s_nx = S_IDLE;
      default: s_nx = S_IDLE;
    endcase
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      s <= S_IDLE; rq <= 1'b0; rq_addr <= 4'd0;
      word <= 16'd0; done <= 1'b0; tmo_err <= 1'b0;
    end else begin
      s    <= s_nx;
      rq   <= (s == S_ASK);
      done <= (s_nx == S_DONE);
      if (s == S_IDLE && start) rq_addr <= addr_in;
      if (s == S_WAIT && rsp_vld) word <= rsp_data;
    end
  end
endmodule

module reg_unit (
  input clk, input rst_n, input rq, input [3:0] rq_addr, input [15:0] bank_in,
  output reg rsp_vld, output reg [15:0] rsp_data
);
  reg [2:0] wait_c;
  reg       pend;
  reg [3:0] a;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      wait_c <= 3'd0; pend <= 1'b0; a <= 4'd0; rsp_vld <= 1'b0; rsp_data <= 16'd0;
    end else begin
      rsp_vld <= 1'b0;
      if (rq && !pend) begin
        pend <= 1'b1; a <= rq_addr;
        wait_c <= {1'b0, rq_addr[1:0]} + 3'd1;   // 1..4 cycles, by the address
      end else if (pend) begin
        if (wait_c == 3'd0) begin
          pend <= 1'b0; rsp_vld <= 1'b1; rsp_data <= bank_in ^ {12'd0, a};
        end else begin
          wait_c <= wait_c - 3'd1;
        end
      end
    end
  end
endmodule

module rd_top (
  input clk, input rst_n, input go, input [3:0] addr, input [15:0] bank,
  output [15:0] value, output ready, output error
);
  wire rq, vld;
  wire [3:0] ra;
  wire [15:0] rd;
  rd_master #(.CW(9), .LIMIT(9'd300)) u_master (.clk(clk), .rst_n(rst_n), .start(go), .addr_in(addr),
    .rsp_vld(vld), .rsp_data(rd), .rq(rq), .rq_addr(ra), .word(value), .done(ready), .tmo_err(error));
  reg_unit u_regs (.clk(clk), .rst_n(rst_n), .rq(rq), .rq_addr(ra), .bank_in(bank), .rsp_vld(vld), .rsp_data(rd));
endmodule
