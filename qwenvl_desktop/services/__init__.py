"""Qt objects without widgets: they run the async work and tell the window through signals.

Services may use QtCore (signals, timers) but never a widget: ``gui`` imports them, never the
other way round. ``chat`` (send, stream, stop, retry), ``keys`` (the key of each region),
``text_batching`` (streamed text in ~30 ms batches), ``image_intake`` (the image pipeline off the
GUI thread), ``draft`` (the images of the question being written), ``history``, ``event_loop``
(the qasync loop), ``application`` (the QApplication, made before the loop: see ``app.main``).
"""
