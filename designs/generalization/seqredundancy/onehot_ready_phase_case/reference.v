// Frame joiner: after a header word, one frame from each of 8 input ports in turn.
// The per-port ready vector is registered; it is built from the port index in three states.
module frame_join8 (
    input  wire        clk,
    input  wire        rst,
    input  wire [63:0] s_data,
    input  wire [7:0]  s_valid,
    input  wire [7:0]  s_last,
    output wire [7:0]  s_ready,
    input  wire [7:0]  hdr,
    input  wire        credit,
    output reg  [7:0]  m_data,
    output reg         m_valid,
    output reg         m_last,
    output wire        busy
);
    localparam [1:0] IDLE = 2'd0, HEAD = 2'd1, XFER = 2'd2;

    reg [1:0] state, state_n;
    reg [2:0] port, port_n;
    reg [7:0] ready_n;
    reg       ready_any;
    reg       send_hdr;

    wire [7:0] in_data  = s_data[port*8 +: 8];
    wire       in_valid = s_valid[port];
    wire       in_last  = s_last[port];
    wire       xfer     = ready_any && in_valid;

    assign s_ready = ready_any ? (8'd1 << port) : 8'd0;
    assign busy    = state != IDLE;

    always @* begin
        state_n  = state;
        port_n   = port;
        ready_n  = 8'd0;
        send_hdr = 1'b0;
        case (state)
            IDLE: begin
                port_n = 3'd0;
                if (s_valid[0] && credit) begin
                    send_hdr = 1'b1;
                    state_n  = HEAD;
                end
            end
            HEAD: begin
                if (credit) begin
                    ready_n = 8'd1;
                    state_n = XFER;
                end
            end
            XFER: begin
                ready_n = {7'd0, credit} << port;
                if (xfer && in_last) begin
                    port_n = port + 3'd1;
                    if (port == 3'd7) begin
                        ready_n = 8'd0;
                        state_n = IDLE;
                    end else begin
                        ready_n = {7'd0, credit} << port_n;
                    end
                end
            end
            default: state_n = IDLE;
        endcase
    end

    always @(posedge clk) begin
        if (rst) begin
            state   <= IDLE;
            port    <= 3'd0;
            ready_any <= 1'b0;
            m_valid <= 1'b0;
            m_last  <= 1'b0;
            m_data  <= 8'd0;
        end else begin
            state   <= state_n;
            port    <= port_n;
            ready_any <= |ready_n;
            m_valid <= send_hdr || xfer;
            m_last  <= xfer && in_last && port == 3'd7;
            if (send_hdr)
                m_data <= hdr;
            else if (xfer)
                m_data <= in_data;
        end
    end
endmodule
