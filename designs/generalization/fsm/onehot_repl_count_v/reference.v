// Reference: the one-hot controller as a 3-bit binary state register.
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
    localparam [2:0] IDLE = 3'd0, LOAD = 3'd1, SHFT = 3'd2, CHK = 3'd3, FIN = 3'd4;
    reg [2:0] st;

    always @(posedge clk)
        if (rst) st <= IDLE;
        else case (st)
            IDLE: if (go) st <= LOAD;
            LOAD: st <= SHFT;
            SHFT: if (last) st <= CHK;
            CHK:  st <= sh[W-1] ? FIN : IDLE;
            default: st <= IDLE;
        endcase

    always @(posedge clk)
        if (rst)              sh <= {W{1'b0}};
        else if (st == LOAD)  sh <= {{(W-2){1'b0}}, 2'b01};
        else if (st == SHFT)  sh <= {sh[W-2:0], sin};
        else if (st == FIN)   sh <= {(W/2){2'b10}};

    assign busy = (st != IDLE);
    assign done = (st == FIN);
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
