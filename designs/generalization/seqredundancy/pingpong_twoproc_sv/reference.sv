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


    reg [4:0] addr_q_ph;
    always_ff @(posedge clk) begin
        if (rst) begin
            addr_q_ph <= 5'd0;
        end else begin
            begin
                if (adv) begin
                    addr_q_ph <= addr_q_ph + 1'b1;
                end
            end
        end
    end
    always @* begin
        addr_q = 5'd6 + ((addr_q_ph <= 5'd16) ? addr_q_ph : 5'd32 - addr_q_ph);
        dir_q = addr_q_ph[4] ? DOWN : UP;
    end

    assign addr_o = addr_q;
    assign rev    = (dir_q == DOWN);
endmodule
