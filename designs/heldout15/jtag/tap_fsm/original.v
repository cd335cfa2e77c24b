// IEEE 1149.1 TAP controller with instruction register and bypass.
// One-hot state vector, bit positions named by localparams.
module tap_ctrl #(
    parameter IR_LEN = 4,
    parameter [IR_LEN-1:0] IR_RESET = {{(IR_LEN-1){1'b0}}, 1'b1}
) (
    input                   tck,
    input                   trst_n,
    input                   tms,
    input                   tdi,
    output                  tdo,
    output reg [IR_LEN-1:0] ir,
    output                  shift_dr,
    output                  capture_dr,
    output                  update_dr,
    output                  in_reset
);
    localparam TLR = 0,  RTI = 1,  SDS = 2,  CDR = 3,
               SHD = 4,  E1D = 5,  PDR = 6,  E2D = 7,
               UDR = 8,  SIS = 9,  CIR = 10, SHI = 11,
               E1I = 12, PIR = 13, E2I = 14, UIR = 15;

    reg [15:0] st, nx;

    always @(*) begin
        nx = 16'b0;
        case (1'b1)
            st[TLR]: if (tms) nx[TLR] = 1'b1; else nx[RTI] = 1'b1;
            st[RTI]: if (tms) nx[SDS] = 1'b1; else nx[RTI] = 1'b1;
            st[SDS]: if (tms) nx[SIS] = 1'b1; else nx[CDR] = 1'b1;
            st[CDR]: if (tms) nx[E1D] = 1'b1; else nx[SHD] = 1'b1;
            st[SHD]: if (tms) nx[E1D] = 1'b1; else nx[SHD] = 1'b1;
            st[E1D]: if (tms) nx[UDR] = 1'b1; else nx[PDR] = 1'b1;
            st[PDR]: if (tms) nx[E2D] = 1'b1; else nx[PDR] = 1'b1;
            st[E2D]: if (tms) nx[UDR] = 1'b1; else nx[SHD] = 1'b1;
            st[UDR]: if (tms) nx[SDS] = 1'b1; else nx[RTI] = 1'b1;
            st[SIS]: if (tms) nx[TLR] = 1'b1; else nx[CIR] = 1'b1;
            st[CIR]: if (tms) nx[E1I] = 1'b1; else nx[SHI] = 1'b1;
            st[SHI]: if (tms) nx[E1I] = 1'b1; else nx[SHI] = 1'b1;
            st[E1I]: if (tms) nx[UIR] = 1'b1; else nx[PIR] = 1'b1;
            st[PIR]: if (tms) nx[E2I] = 1'b1; else nx[PIR] = 1'b1;
            st[E2I]: if (tms) nx[UIR] = 1'b1; else nx[SHI] = 1'b1;
            st[UIR]: if (tms) nx[SDS] = 1'b1; else nx[RTI] = 1'b1;
            default: nx[TLR] = 1'b1;
        endcase
    end

    always @(posedge tck or negedge trst_n)
        if (!trst_n) st <= 16'b1 << TLR;
        else         st <= nx;

    // instruction register and bypass
    reg [IR_LEN-1:0] ir_sh;
    reg              bypass;
    always @(posedge tck or negedge trst_n) begin
        if (!trst_n) begin
            ir_sh  <= {IR_LEN{1'b0}};
            ir     <= IR_RESET;
            bypass <= 1'b0;
        end else begin
            if (st[CIR])      ir_sh <= {{(IR_LEN-2){1'b0}}, 2'b01};
            else if (st[SHI]) ir_sh <= {tdi, ir_sh[IR_LEN-1:1]};
            if (st[TLR])      ir <= IR_RESET;
            else if (st[UIR]) ir <= ir_sh;
            if (st[CDR])      bypass <= 1'b0;
            else if (st[SHD]) bypass <= tdi;
        end
    end

    assign tdo        = st[SHI] ? ir_sh[0] : bypass;
    assign shift_dr   = st[SHD];
    assign capture_dr = st[CDR];
    assign update_dr  = st[UDR];
    assign in_reset   = st[TLR];
endmodule

module jtag_port (
    input        tck,
    input        trst_n,
    input        tms,
    input        tdi,
    output       tdo,
    output [4:0] ir,
    output       shift_dr,
    output       capture_dr,
    output       update_dr,
    output       in_reset
);
    tap_ctrl #(.IR_LEN(5), .IR_RESET(5'b00010)) u_tap (
        .tck(tck), .trst_n(trst_n), .tms(tms), .tdi(tdi), .tdo(tdo), .ir(ir),
        .shift_dr(shift_dr), .capture_dr(capture_dr), .update_dr(update_dr),
        .in_reset(in_reset)
    );
endmodule
