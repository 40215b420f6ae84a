"""What a build shows while it runs: a progress bar per variant on a terminal, one plain line per
step in a log or CI, nothing with --quiet."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

MODES = ("bars", "lines", "quiet")


class Progress:
    """Steps of a build, per variant: its chapters, then the HTML, the PDF and publishing.

    `mode` is "bars" (tqdm bars, one per variant), "lines" or "quiet"; by default bars when the
    stream is a terminal and lines otherwise.
    """

    def __init__(self, mode: str | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        if mode is None:
            mode = "bars" if getattr(self.stream, "isatty", lambda: False)() else "lines"
        if mode not in MODES:
            raise ValueError(f"progress mode {mode!r}: expected one of {MODES}")
        self.mode = mode
        self._bars: dict = {}
        self._lock = threading.Lock()  # variants are published from several threads at once

    def __call__(self, message: str) -> None:
        """A line that belongs to no step (e.g. a leftover removed)."""
        with self._lock:
            if self.mode == "lines":
                print(message, file=self.stream, flush=True)
            elif self.mode == "bars":
                from tqdm import tqdm

                tqdm.write(message, file=self.stream)

    def start(self, variant: str, steps: int, reason: str) -> None:
        """A variant will be built in `steps` steps."""
        with self._lock:
            if self.mode == "lines":
                print(f"{variant}: {reason}; {steps} steps", file=self.stream, flush=True)
            elif self.mode == "bars":
                from tqdm import tqdm

                self._bars[variant] = tqdm(
                    total=steps,
                    desc=variant,
                    unit="step",
                    position=len(self._bars),
                    file=self.stream,
                    leave=True,
                    bar_format="{desc:<28} {bar:20} {n_fmt}/{total_fmt} [{elapsed}]{postfix}",
                    dynamic_ncols=True,
                )

    def step(self, variant: str, what: str) -> None:
        """One step of a variant is done."""
        with self._lock:
            if self.mode == "lines":
                print(f"{variant}: {what}", file=self.stream, flush=True)
            elif self.mode == "bars" and variant in self._bars:
                bar = self._bars[variant]
                bar.set_postfix_str(what, refresh=False)
                bar.update(1)

    def close(self) -> None:
        with self._lock:
            for bar in self._bars.values():
                bar.close()
            self._bars.clear()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
