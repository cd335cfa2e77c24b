"""HDL front end: reading, parsing (pyslang) and the module/port model."""

from rtlopt.hdl.source import (
    ModuleInfo,
    ParsedDesign,
    Port,
    SourceFile,
    load_design,
    parse_sources,
    read_source,
)

__all__ = ["ModuleInfo", "ParsedDesign", "Port", "SourceFile", "load_design", "parse_sources", "read_source"]
