"""Autograding for optax-lego, built on nbgrader.

Instructors run ``python -m grader grade SUBMISSIONS --out RESULTS``; authors run
``python -m grader release`` to regenerate ``exercises/`` from ``solutions/``.
"""
