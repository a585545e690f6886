"""Grounding in the window: an answer's boxes and points drawn over its question's images.

``tool`` (the Find… and Point at… actions, and what ties the transcript, the annotations of
each exchange and the viewer together), ``viewer`` (the image viewer: zoom, labelled boxes and
points, the label list, the toggle, moving and exporting), ``overlay`` (boxes and points painted
on a transcript thumbnail).
"""
