// Flash page-program burst engine: a burst never crosses a page boundary
// (the clamp sibling shortens it), one byte per data strobe.
module page_clamp #(
    parameter int PW = 6
) (
    input  logic [PW-1:0] offset,
    input  logic [PW:0]   req_len,     // 1 .. 2^PW
    output logic [PW:0]   len
);
    logic [PW:0] room;
    always_comb begin
        room = (1 << PW) - offset;
        len  = (req_len > room) ? room : req_len;
    end
endmodule

module burst_eng #(
    parameter int AW = 16,
    parameter int PW = 6
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          go,
    input  logic [AW-1:0] start_addr,
    input  logic [PW:0]   req_len,
    input  logic          strobe,
    output logic [AW-1:0] addr,
    output logic          busy,
    output logic          last
);
    logic [PW:0] len, rem;
    page_clamp #(.PW(PW)) u_clamp (.offset(start_addr[PW-1:0]), .req_len(req_len), .len(len));
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            addr <= '0;
            rem  <= '0;
            busy <= 1'b0;
        end else if (!busy) begin
            if (go && req_len != 0) begin
                addr <= start_addr;
                rem  <= len;
                busy <= 1'b1;
            end
        end else if (strobe) begin
            if (rem == 1) begin
                busy <= 1'b0;
            end else begin
                addr <= addr + 1'b1;
            end
            rem <= rem - 1'b1;
        end
    end
    assign last = busy && (rem == 1);
endmodule

module flash_pager (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        go,
    input  logic [19:0] start_addr,
    input  logic [8:0]  req_len,
    input  logic        strobe,
    output logic [19:0] addr,
    output logic        busy,
    output logic        last
);
    burst_eng #(.AW(20), .PW(8)) u_eng (.*);
endmodule
