"""Progress of a batch: a bar on a terminal, a line per submission in a log.

Example:
    >>> progress = Progress(total=16)
    >>> progress.done("ada/01_mental_model: graded 7/7")
"""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, stream=sys.stderr, width: int = 30):
        self.total, self.count, self.stream, self.width = total, 0, stream, width
        self.start = time.perf_counter()
        self.tty = stream.isatty()

    def done(self, message: str) -> None:
        self.count += 1
        if not self.tty:
            print(f"[{self.count}/{self.total}] {message}", file=self.stream, flush=True)
            return
        filled = self.width * self.count // max(self.total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = time.perf_counter() - self.start
        line = f"\r[{bar}] {self.count}/{self.total} {elapsed:5.0f}s  {message[:60]:<60}"
        end = "\n" if self.count == self.total else ""
        print(line, end=end, file=self.stream, flush=True)
