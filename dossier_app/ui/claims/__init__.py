"""The window's claims feature: a layout-only view and its controller."""
