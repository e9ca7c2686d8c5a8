"""Reading and writing files: safe writes, format checks, and the limits on what is loaded."""
