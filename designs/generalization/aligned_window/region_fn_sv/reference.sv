// Region firewall: four 4 KiB regions in a 20-bit space, each base loaded from
// the upper bits of a write (aligned by construction); a function tests an
// address against a region, called for the read and the write port.
module region_fw (
    input  logic        clk,
    input  logic        rst,
    input  logic        cfg_we,
    input  logic [1:0]  cfg_idx,
    input  logic [31:0] cfg_data,
    input  logic [19:0] rd_addr,
    input  logic [19:0] wr_addr,
    output logic [3:0]  rd_ok,
    output logic [3:0]  wr_ok
);
    logic [19:0] region [4];
    logic [3:0]  wr_allowed;

    function automatic logic in_region(input logic [19:0] a, input logic [19:0] b);
        in_region = a[19:12] == b[19:12];   // regions are 4 KiB aligned
    endfunction

    always_ff @(posedge clk) begin
        if (rst) begin
            for (int r = 0; r < 4; r++) region[r] <= '0;
            wr_allowed <= '0;
        end else if (cfg_we) begin
            region[cfg_idx]     <= {cfg_data[19:12], 12'h000};
            wr_allowed[cfg_idx] <= cfg_data[31];
        end
    end

    always_comb begin
        for (int r = 0; r < 4; r++) begin
            rd_ok[r] = in_region(rd_addr, region[r]);
            wr_ok[r] = wr_allowed[r] && in_region(wr_addr, region[r]);
        end
    end
endmodule
