// Ping-pong address between LO and HI (no pause at the ends: the direction
// turns as the address moves onto an end), written in the two-process style:
// registered state plus a combinational next-state block.
module sweep_addr #(
    parameter int AW = 5,
    parameter int LO = 6,
    parameter int HI = 22
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          adv,
    output logic [AW-1:0] addr_o,
    output logic          rev
);
    typedef enum logic {UP, DOWN} dir_t;
    dir_t          dir_q, dir_d;
    logic [AW-1:0] addr_q, addr_d;

    always_comb begin
        addr_d = addr_q;
        dir_d  = dir_q;
        if (adv) begin
            unique case (dir_q)
                UP: begin
                    addr_d = addr_q + 1'b1;
                    if (addr_q == AW'(HI - 1)) dir_d = DOWN;
                end
                DOWN: begin
                    addr_d = addr_q - 1'b1;
                    if (addr_q == AW'(LO + 1)) dir_d = UP;
                end
            endcase
        end
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            addr_q <= AW'(LO);
            dir_q  <= UP;
        end else begin
            addr_q <= addr_d;
            dir_q  <= dir_d;
        end
    end

    assign addr_o = addr_q;
    assign rev    = (dir_q == DOWN);
endmodule
