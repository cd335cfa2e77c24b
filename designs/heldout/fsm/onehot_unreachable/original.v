module dma_ctl (
    input  wire clk,
    input  wire rst,
    input  wire req,
    input  wire gnt,
    input  wire last,
    output wire busy,
    output wire rd_en,
    output wire wr_en,
    output wire irq
);
    localparam IDLE = 0, ARB = 1, READ = 2, WRITE = 3, FIN = 4, ERR = 5;
    reg [5:0] st;

    always @(posedge clk) begin
        if (rst) begin
            st <= 6'b000001;
        end else begin
            st <= 6'b000000;
            case (1'b1)
                st[IDLE]:  if (req) st[ARB] <= 1'b1; else st[IDLE] <= 1'b1;
                st[ARB]:   if (gnt) st[READ] <= 1'b1; else st[ARB] <= 1'b1;
                st[READ]:  st[WRITE] <= 1'b1;
                st[WRITE]: if (last) st[FIN] <= 1'b1; else st[READ] <= 1'b1;
                st[FIN]:   st[IDLE] <= 1'b1;
                st[ERR]:   st[IDLE] <= 1'b1;   // never entered
                default:   st[ERR] <= 1'b1;
            endcase
        end
    end

    assign busy  = ~st[IDLE] & ~st[ERR];
    assign rd_en = st[READ];
    assign wr_en = st[WRITE];
    assign irq   = st[FIN] | st[ERR];
endmodule
