"""The window's exporting feature: a layout-only view and its controller."""
