// Serial command port: one-hot controller (localparam bit positions, case (1'b1)); the
// shift register is preloaded with a parameter-sized replication on entering LOAD.
module cmdport_core #(
    parameter W = 6
) (
    input              clk,
    input              rst,
    input              go,
    input              sin,
    input              last,
    output reg [W-1:0] sh,
    output             busy,
    output             done
);
    localparam IDLE = 0, LOAD = 1, SHFT = 2, CHK = 3, FIN = 4;
    reg [4:0] st, nx;

    always @(*) begin
        nx = 5'b0;
        case (1'b1)
            st[IDLE]: if (go)   nx[LOAD] = 1'b1; else nx[IDLE] = 1'b1;
            st[LOAD]:           nx[SHFT] = 1'b1;
            st[SHFT]: if (last) nx[CHK]  = 1'b1; else nx[SHFT] = 1'b1;
            st[CHK]:  if (sh[W-1]) nx[FIN] = 1'b1; else nx[IDLE] = 1'b1;
            st[FIN]:            nx[IDLE] = 1'b1;
            default:            nx[IDLE] = 1'b1;
        endcase
    end

    always @(posedge clk)
        if (rst) st <= 5'b1 << IDLE;
        else     st <= nx;

    always @(posedge clk)
        if (rst)            sh <= {W{1'b0}};
        else if (st[LOAD])  sh <= {{(W-2){1'b0}}, 2'b01};
        else if (st[SHFT])  sh <= {sh[W-2:0], sin};
        else if (st[FIN])   sh <= {(W/2){2'b10}};

    assign busy = !st[IDLE];
    assign done = st[FIN];
endmodule

module cmdport (
    input        clk,
    input        rst,
    input        go,
    input        sin,
    input        last,
    output [7:0] sh,
    output       busy,
    output       done
);
    cmdport_core #(.W(8)) u_core (.clk(clk), .rst(rst), .go(go), .sin(sin), .last(last),
                                  .sh(sh), .busy(busy), .done(done));
endmodule
