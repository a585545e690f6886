"""Qt objects without widgets: they run the async work and tell the window through signals.

Services may use QtCore (signals, timers) but never a widget: ``gui`` imports them, never the
other way round.
"""
