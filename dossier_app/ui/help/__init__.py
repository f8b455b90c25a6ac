"""The window's help feature: a layout-only view and its controller."""
