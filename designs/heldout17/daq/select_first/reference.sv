// Data-acquisition front end: every channel of the ADC bank is captured on
// the conversion strobe together with the requested channel number; the
// readout stage then selects the requested channel from the snapshot and
// adds the calibration offset.
// Reference: the snapshot is only ever read through snap[sel_q], so the
// selection moves before the register: one word is captured, not NCH.
module daq_snapshot #(
    parameter int NCH = 16,
    parameter int W   = 16,
    parameter int SW  = 4
) (
    input  logic                    clk,
    input  logic                    rst,
    input  logic                    cnv,
    input  logic [NCH-1:0][W-1:0]   ch,
    input  logic [SW-1:0]           sel,
    output logic [W-1:0]            pick
);
    logic [W-1:0] sel_w;
    always_comb sel_w = ch[sel];
    always_ff @(posedge clk) begin
        if (rst)      pick <= '0;
        else if (cnv) pick <= sel_w;
    end
endmodule

module daq_readout #(
    parameter int NCH = 16,
    parameter int W   = 16,
    parameter int SW  = 4
) (
    input  logic                    clk,
    input  logic                    rst,
    input  logic                    rd,
    input  logic [W-1:0]            pick,
    input  logic [W-1:0]            offset,
    output logic [W-1:0]            dout,
    output logic                    dvalid
);
    always_ff @(posedge clk) begin
        if (rst) begin
            dout <= '0; dvalid <= 1'b0;
        end else begin
            dvalid <= rd;
            if (rd) dout <= pick + offset;
        end
    end
endmodule

module daq_top (
    input  logic            clk,
    input  logic            rst,
    input  logic            cnv,
    input  logic            rd,
    input  logic [7:0][9:0] adc,
    input  logic [2:0]      sel,
    input  logic [9:0]      offset,
    output logic [9:0]      dout,
    output logic            dvalid
);
    logic [9:0] pick;
    daq_snapshot #(.NCH(8), .W(10), .SW(3)) u_snap (.clk, .rst, .cnv, .ch(adc), .sel, .pick);
    daq_readout  #(.NCH(8), .W(10), .SW(3)) u_rd   (.clk, .rst, .rd, .pick, .offset, .dout, .dvalid);
endmodule
