// Data-acquisition front end: every channel of the ADC bank is captured on
// the conversion strobe together with the requested channel number; the
// readout stage then selects the requested channel from the snapshot and
// adds the calibration offset.
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
    output logic [NCH-1:0][W-1:0]   snap,
    output logic [SW-1:0]           sel_q
);
    always_ff @(posedge clk) begin
        if (rst) begin
            snap  <= '0;
            sel_q <= '0;
        end else if (cnv) begin
            snap  <= ch;
            sel_q <= sel;
        end
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
    input  logic [NCH-1:0][W-1:0]   snap,
    input  logic [SW-1:0]           sel_q,
    input  logic [W-1:0]            offset,
    output logic [W-1:0]            dout,
    output logic                    dvalid
);
    always_ff @(posedge clk) begin
        if (rst) begin
            dout <= '0; dvalid <= 1'b0;
        end else begin
            dvalid <= rd;
            if (rd) dout <= snap[sel_q] + offset;
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
    logic [7:0][9:0] snap;
    logic [2:0]       sel_q;
    daq_snapshot #(.NCH(8), .W(10), .SW(3)) u_snap (.clk, .rst, .cnv, .ch(adc), .sel, .snap, .sel_q);
    daq_readout  #(.NCH(8), .W(10), .SW(3)) u_rd   (.clk, .rst, .rd, .snap, .sel_q, .offset, .dout, .dvalid);
endmodule
