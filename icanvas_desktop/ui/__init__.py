"""Everything that imports Qt lives here; the rest of the package stays Qt-free."""
