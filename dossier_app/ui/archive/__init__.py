"""The window's archive feature: a layout-only view and its controller."""
