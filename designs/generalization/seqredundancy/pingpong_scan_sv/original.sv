// Ping-pong scan of a line buffer: the read address sweeps FIRST..LAST and back,
// turning at each end without a pause (the end addresses are read once per sweep);
// the direction flips one step ahead, as the address moves onto the end.
module scan_pp #(
    parameter int AW    = 5,
    parameter int FIRST = 3,
    parameter int LAST  = 19
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          step,
    input  logic [255:0]  line,
    output logic [7:0]    pix,
    output logic          backward
);
    typedef enum logic {FWD, BWD} dir_t;
    dir_t          dir;
    logic [AW-1:0] addr;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            addr <= AW'(FIRST);
            dir  <= FWD;
        end else if (step) begin
            case (dir)
                FWD: begin
                    addr <= addr + 1'b1;
                    if (addr == AW'(LAST - 1)) dir <= BWD;   // turn on the way in
                end
                BWD: begin
                    addr <= addr - 1'b1;
                    if (addr == AW'(FIRST + 1)) dir <= FWD;
                end
            endcase
        end
    end

    assign pix      = line[{addr, 3'b000} +: 8];
    assign backward = (dir == BWD);
endmodule
