module mac_seq (
    input  wire        clk,
    input  wire        rst,
    input  wire        start,
    input  wire [7:0]  xa,
    input  wire [7:0]  xb,
    input  wire [7:0]  ya,
    input  wire [7:0]  yb,
    output reg  [17:0] acc,
    output wire        busy
);
    localparam IDLE = 2'd0, PX = 2'd1, PY = 2'd2, DONE = 2'd3;
    reg [1:0] st;
    wire        use_y = st[1];
    wire [7:0]  m0 = use_y ? ya : xa;
    wire [7:0]  m1 = use_y ? yb : xb;
    wire [15:0] p  = m0 * m1;
    always @(posedge clk) begin
        if (rst) begin
            st  <= IDLE;
            acc <= 18'd0;
        end else begin
            case (st)
                IDLE: if (start) begin st <= PX; acc <= 18'd0; end
                PX:   begin acc <= acc + p; st <= PY; end
                PY:   begin acc <= acc + p; st <= DONE; end
                DONE: st <= IDLE;
            endcase
        end
    end
    assign busy = (st != IDLE);
endmodule
