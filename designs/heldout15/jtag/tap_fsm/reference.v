// IEEE 1149.1 TAP controller, 4-bit state in the encoding of the standard.
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
    localparam [3:0] TLR = 4'hF, RTI = 4'hC, SDS = 4'h7, CDR = 4'h6,
                     SHD = 4'h2, E1D = 4'h1, PDR = 4'h3, E2D = 4'h0,
                     UDR = 4'h5, SIS = 4'h4, CIR = 4'hE, SHI = 4'hA,
                     E1I = 4'h9, PIR = 4'hB, E2I = 4'h8, UIR = 4'hD;

    reg [3:0] st, nx;

    always @(*) begin
        case (st)
            TLR: nx = tms ? TLR : RTI;
            RTI: nx = tms ? SDS : RTI;
            SDS: nx = tms ? SIS : CDR;
            CDR: nx = tms ? E1D : SHD;
            SHD: nx = tms ? E1D : SHD;
            E1D: nx = tms ? UDR : PDR;
            PDR: nx = tms ? E2D : PDR;
            E2D: nx = tms ? UDR : SHD;
            UDR: nx = tms ? SDS : RTI;
            SIS: nx = tms ? TLR : CIR;
            CIR: nx = tms ? E1I : SHI;
            SHI: nx = tms ? E1I : SHI;
            E1I: nx = tms ? UIR : PIR;
            PIR: nx = tms ? E2I : PIR;
            E2I: nx = tms ? UIR : SHI;
            default: nx = tms ? SDS : RTI;   // UIR
        endcase
    end

    always @(posedge tck or negedge trst_n)
        if (!trst_n) st <= TLR;
        else         st <= nx;

    reg [IR_LEN-1:0] ir_sh;
    reg              bypass;
    always @(posedge tck or negedge trst_n) begin
        if (!trst_n) begin
            ir_sh  <= {IR_LEN{1'b0}};
            ir     <= IR_RESET;
            bypass <= 1'b0;
        end else begin
            if (st == CIR)      ir_sh <= {{(IR_LEN-2){1'b0}}, 2'b01};
            else if (st == SHI) ir_sh <= {tdi, ir_sh[IR_LEN-1:1]};
            if (st == TLR)      ir <= IR_RESET;
            else if (st == UIR) ir <= ir_sh;
            if (st == CDR)      bypass <= 1'b0;
            else if (st == SHD) bypass <= tdi;
        end
    end

    assign tdo        = (st == SHI) ? ir_sh[0] : bypass;
    assign shift_dr   = (st == SHD);
    assign capture_dr = (st == CDR);
    assign update_dr  = (st == UDR);
    assign in_reset   = (st == TLR);
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
