// Small platform interrupt controller (PLIC-like): edge gateways with
// synchronizers, a CSR block with enables and per-source priorities, a
// highest-priority selector and a claim/complete unit that tracks the
// interrupt in service.

module irq_gateway #(
    parameter int SYNC = 2
) (
    input  logic clk,
    input  logic rst_n,
    input  logic src,
    input  logic clr,
    output logic pending
);
    logic [SYNC-1:0] sync;
    logic            prev;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            sync    <= '0;
            prev    <= 1'b0;
            pending <= 1'b0;
        end else begin
            sync <= {sync[SYNC-2:0], src};
            prev <= sync[SYNC-1];
            if (sync[SYNC-1] && !prev)
                pending <= 1'b1;
            else if (clr)
                pending <= 1'b0;
        end
    end
endmodule

module irq_csr #(
    parameter int N  = 8,
    parameter int PW = 4
) (
    input  logic                clk,
    input  logic                rst_n,
    input  logic                we,
    input  logic [4:0]          addr,
    input  logic [7:0]          wdata,
    output logic [N-1:0]        enable,
    output logic [N-1:0][PW-1:0] prio
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            enable <= '0;
            prio   <= '0;
        end else if (we) begin
            if (addr == 5'd0)
                enable <= wdata[N-1:0];
            for (int i = 0; i < N; i++)
                if (addr == 5'(i + 1))
                    prio[i] <= wdata[PW-1:0];
        end
    end
endmodule

module irq_select #(
    parameter int N   = 8,
    parameter int PW  = 4,
    parameter int IDW = 3
) (
    input  logic [N-1:0]         req,
    input  logic [N-1:0][PW-1:0] prio,
    output logic [IDW-1:0]       best_id,
    output logic                 any
);
    logic [PW-1:0] best_p;
    always_comb begin
        best_p  = '0;
        best_id = '0;
        any     = 1'b0;
        for (int i = 0; i < N; i++) begin
            if (req[i] && (!any || prio[i] > best_p)) begin
                best_p  = prio[i];
                best_id = IDW'(i);
                any     = 1'b1;
            end
        end
    end
endmodule

module irq_claim #(
    parameter int N   = 8,
    parameter int IDW = 3
) (
    input  logic           clk,
    input  logic           rst_n,
    input  logic           any,
    input  logic [IDW-1:0] best_id,
    input  logic           claim,
    input  logic           complete,
    output logic [IDW-1:0] claim_id,
    output logic           active,
    output logic [N-1:0]   in_service,
    output logic           take
);
    assign take = claim && any && !active;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            claim_id   <= '0;
            active     <= 1'b0;
            in_service <= '0;
        end else if (take) begin
            claim_id   <= best_id;
            active     <= 1'b1;
            in_service <= N'(1) << best_id;
        end else if (complete && active) begin
            active     <= 1'b0;
            in_service <= '0;
        end
    end
endmodule

module irq_ctrl #(
    parameter int N   = 8,
    parameter int PW  = 4,
    parameter int IDW = 3
) (
    input  logic           clk,
    input  logic           rst_n,
    input  logic [N-1:0]   src,
    input  logic           we,
    input  logic [4:0]     addr,
    input  logic [7:0]     wdata,
    input  logic           claim,
    input  logic           complete,
    output logic           irq,
    output logic [IDW-1:0] claim_id,
    output logic [N-1:0]   in_service
);
    logic [N-1:0]         pending, enable, clr;
    logic [N-1:0][PW-1:0] prio;
    logic [IDW-1:0]       best_id;
    logic                 any, active, take;

    for (genvar i = 0; i < N; i++) begin : g_gw
        irq_gateway #(.SYNC(2)) u_gw (
            .clk(clk), .rst_n(rst_n), .src(src[i]), .clr(clr[i]), .pending(pending[i])
        );
        assign clr[i] = take && (best_id == IDW'(i));
    end

    irq_csr #(.N(N), .PW(PW)) u_csr (
        .clk(clk), .rst_n(rst_n), .we(we), .addr(addr), .wdata(wdata), .enable(enable), .prio(prio)
    );

    irq_select #(.N(N), .PW(PW), .IDW(IDW)) u_sel (
        .req(pending & enable & ~in_service), .prio(prio), .best_id(best_id), .any(any)
    );

    irq_claim #(.N(N), .IDW(IDW)) u_claim (
        .clk(clk), .rst_n(rst_n), .any(any), .best_id(best_id), .claim(claim), .complete(complete),
        .claim_id(claim_id), .active(active), .in_service(in_service), .take(take)
    );

    assign irq = any && !active;
endmodule

module soc_irq (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [5:0] src,
    input  logic       we,
    input  logic [4:0] addr,
    input  logic [7:0] wdata,
    input  logic       claim,
    input  logic       complete,
    output logic       irq,
    output logic [2:0] claim_id,
    output logic [5:0] in_service
);
    irq_ctrl #(.N(6), .PW(3), .IDW(3)) u_plic (.*);
endmodule
