// Reference: the per-port ready vector kept as one flag bit at sel_reg.
// 4-input stream mux: the input ready of the selected port is registered per port,
// so the per-port vector is always zero or one-hot at the latched select.
module stream_mux4 (
    input  wire        clk,
    input  wire        rst,
    input  wire [31:0] s_data,
    input  wire [3:0]  s_valid,
    output wire [3:0]  s_ready,
    input  wire [1:0]  sel,
    input  wire        m_ready,
    output reg  [7:0]  m_data,
    output reg         m_valid
);
    reg [1:0] sel_reg, sel_next;
    reg       active_reg, active_next;
    reg       ready_any;      // the one-hot ready vector is only ever at sel_reg

    assign s_ready = ready_any ? (4'd1 << sel_reg) : 4'd0;

    wire [7:0] cur_data  = s_data[sel_reg*8 +: 8];
    wire       cur_valid = s_valid[sel_reg];
    wire       cur_ready = ready_any;

    always @* begin
        sel_next    = sel_reg;
        active_next = active_reg;
        if (!active_reg && s_valid[sel]) begin
            sel_next    = sel;
            active_next = 1'b1;
        end else if (active_reg && cur_valid && cur_ready) begin
            active_next = 1'b0;
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            sel_reg    <= 2'd0;
            active_reg <= 1'b0;
            ready_any  <= 1'b0;
            m_valid    <= 1'b0;
            m_data     <= 8'd0;
        end else begin
            sel_reg    <= sel_next;
            active_reg <= active_next;
            ready_any  <= m_ready && active_next;
            m_valid    <= cur_valid && cur_ready;
            if (cur_valid && cur_ready)
                m_data <= cur_data;
        end
    end
endmodule
