"""nbgrader's Execute step, made safe to run an adversary's notebook.

It executes the notebook in a sandboxed kernel (:mod:`grader.kernels`) as nbgrader does,
with four changes:

- **Hidden tests run last.** Where a hidden test cell stands, the kernel keeps a copy
  of its namespace; after the notebook's last cell each hidden test runs in its copy,
  so it sees what it would have seen in place. Every output shown in the feedback was
  made before the kernel saw any hidden test, so no hook, thread or display update of
  the student's can carry a hidden test's source into it; of a hidden test the grader
  keeps only whether it raised.
- **Integrity canaries** (:mod:`grader.integrity`) after every graded cell; the kernel's
  JAX backend is read before the student's first line.
- **Points come only from errors:** in a graded test cell, output on stderr (a warning)
  is not a failure and a published result is not partial credit; both are shown as
  ordinary output. A test cell fails if and only if it raised.
- **Bounded output:** past :data:`CELL_OUTPUT_BYTES` per cell or
  :data:`NOTEBOOK_OUTPUT_BYTES` per notebook, output is dropped (and said so).

The notebook metadata gets ``grader_backend``, ``grader_integrity`` (what the canaries
found), ``grader_output_cut`` and ``grader_cells_seconds``.

Example:
    >>> c.Autograde.autograde_preprocessors = [execute_class(), *rest]
"""

from __future__ import annotations

import secrets
from datetime import datetime

import nbformat

from .integrity import baseline_source, canary_source, parse_backend, parse_canary, run_source, snapshot_source

CELL_OUTPUT_BYTES = 2 * 2**20
NOTEBOOK_OUTPUT_BYTES = 8 * 2**20
HIDDEN_MARK = "### BEGIN HIDDEN TESTS"


def is_graded_test(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_hidden_test(cell) -> bool:
    return is_graded_test(cell) and HIDDEN_MARK in cell.source


def execute_class():
    from nbclient.client import NotebookClient
    from nbgrader.preprocessors import Execute

    from .kernels import kernel_manager_class

    class GradingExecute(Execute):
        """nbgrader's Execute with hidden tests last, canaries, and bounded output."""

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.kernel_manager_class = kernel_manager_class()

        def preprocess(self, nb, resources=None, km=None):
            NotebookClient.__init__(self, nb, km)
            self.reset_execution_trackers()
            self._check_assign_resources(resources)
            self._key = f"_grader_{secrets.token_hex(8)}"
            self._hidden_phase = False
            self._integrity: list[str] = []
            self._cut: list[int] = []  # cells whose output was cut
            self._spent = 0
            backend = "unknown"
            try:
                with self.setup_kernel():
                    info = self.wait_for_reply(self.kc.kernel_info())
                    self.nb.metadata["language_info"] = info["content"]["language_info"]
                    backend = parse_backend(self._run_private(baseline_source(self._key)))
                    self._run_cells(resources)
                self.set_widgets_metadata()
            finally:
                self.nb.metadata["grader_backend"] = backend
                self.nb.metadata["grader_integrity"] = self._integrity
                self.nb.metadata["grader_output_cut"] = self._cut
                self.nb.metadata["grader_cells_seconds"] = sum(map(_run_seconds, self.nb.cells))
            return self.nb, self.resources

        def _run_cells(self, resources) -> None:
            deferred = []
            for index, cell in enumerate(self.nb.cells):
                if is_hidden_test(cell):
                    label = f"{index}"
                    self._run_private(snapshot_source(self._key, label))
                    deferred.append((index, cell, label))
                    continue
                self.preprocess_cell(cell, resources, index)
                if is_graded_test(cell):
                    _only_errors_fail(cell)
                    self._canary(cell, None)
            self._hidden_phase = True
            for index, cell, label in deferred:
                source = cell.source
                cell.source = run_source(self._key, label, source)
                try:
                    self.preprocess_cell(cell, resources, index)
                finally:
                    cell.source = source
                cell.outputs = [o for o in cell.outputs if o.output_type == "error"][:1]
                self._canary(cell, label)

        def _canary(self, cell, label) -> None:
            token = f"canary-{secrets.token_hex(8)}"
            reply = self._run_private(canary_source(self._key, token, label))
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            self._integrity += [f"after {grade_id}: {p}" for p in parse_canary(reply, token)]

        def _run_private(self, source: str) -> dict:
            """Runs ``source`` in the kernel outside the notebook; its reply's content."""
            msg_id = self.kc.execute(source, store_history=True, allow_stdin=False, stop_on_error=False)
            reply = self.wait_for_reply(msg_id)
            return reply["content"] if reply else {"status": "timeout"}

        def output(self, outs, msg, display_id, cell_index):
            if self._hidden_phase:  # whatever a hidden test printed stays with the grader
                return super().output(outs, msg, None, cell_index) if msg["msg_type"] == "error" else None
            size = len(str(msg.get("content", "")))
            used = sum(len(str(o)) for o in outs)
            if used + size > CELL_OUTPUT_BYTES or self._spent + size > NOTEBOOK_OUTPUT_BYTES:
                if cell_index not in self._cut:
                    note = "[the grader dropped the rest of this cell's output: too much]\n"
                    outs.append(nbformat.v4.new_output("stream", name="stdout", text=note))
                    self._cut.append(cell_index)
                return None
            self._spent += size
            return super().output(outs, msg, display_id, cell_index)

        def _update_display_id(self, display_id, msg):
            if not self._hidden_phase:
                super()._update_display_id(display_id, msg)

        def handle_comm_msg(self, outs, msg, cell_index):
            if not self._hidden_phase:
                super().handle_comm_msg(outs, msg, cell_index)

    return GradingExecute


def _only_errors_fail(cell) -> None:
    """nbgrader fails a test cell on stderr and gives partial credit for a numeric result;
    here a test cell passes unless it raised, whatever the student's code printed."""
    for output in cell.outputs:
        if output.output_type == "stream" and output.name == "stderr":
            output.name = "stdout"
        elif output.output_type == "execute_result":
            output.output_type = "display_data"
            output.pop("execution_count", None)


def _run_seconds(cell) -> float:
    """How long ``cell`` ran in the kernel, from nbclient's timing metadata (0 if it did not run)."""
    timing = cell.get("metadata", {}).get("execution", {})
    if "iopub.status.busy" not in timing or "shell.execute_reply" not in timing:
        return 0.0
    start, end = (
        datetime.fromisoformat(timing[k].replace("Z", "+00:00")) for k in ("iopub.status.busy", "shell.execute_reply")
    )
    return max((end - start).total_seconds(), 0.0)
