"""Learning labs: one QWidget per lab, gathered in LabsWidget."""

from gui.labs.labs_widget import LabsWidget

__all__ = ["LabsWidget"]
