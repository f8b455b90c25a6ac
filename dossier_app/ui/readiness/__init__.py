"""The window's readiness feature: a layout-only view and its controller."""
