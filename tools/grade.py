"""Grade a folder of lab submissions with otter-grader, without Docker: `make grade LAB=lab01 SUBMISSIONS=dir`.

Every file in the folder is a submission. Each is graded in its own process (otter run: the notebook
is executed against the public and hidden tests) under a time limit, so a submission that crashes,
loops or is not a notebook gets a row saying so and the batch always completes. Writes a CSV (file,
each question's score, an empty column per written question, total, possible, status), a summary
(mean, distribution per question), per submission the feedback to hand back (every test's result,
hidden tests included), and every submission's written answers, question by question, to grade by hand.
"""

from __future__ import annotations

import argparse
import csv
import ctypes
import hashlib
import hmac
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import NamedTuple

import autograder as autograders
import nbformat
import sandbox
from make_labs import ROOT, master_path, masters, questions, student_path, written_questions

DEFAULT_TIMEOUT = 600  # seconds per submission: each lab runs in at most 3 minutes with the solutions
DEFAULT_MEMORY = 4 * 2**30  # bytes per submission
PR_SET_DUMPABLE = 4  # prctl option (linux/prctl.h)


def sign(key: str, payload: str) -> str:
    return hmac.new(key.encode(), payload.encode(), hashlib.sha256).hexdigest()


def grade_in_this_process(submission: str, autograder: str, output: str) -> None:
    """Child process: grade one notebook; write its scores, feedback per question and cell errors as JSON.

    The submission's kernel runs beside this process and can write to the same folder, so the result
    is signed with a key that arrives on standard input, read before the kernel starts; the process is
    made undumpable so that the kernel (same user, no capabilities) cannot read the key from its memory.
    """
    key = sys.stdin.readline().strip()
    sys.stdin.close()
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    from otter.api import grade_submission

    results = grade_submission(submission, autograder, quiet=True)
    errors = [f"{item.ename}: {item.evalue} in the cell starting {cell.source.splitlines()[0]!r}"
              for cell in results.notebook.cells if cell.cell_type == "code"
              for item in cell.get("outputs", []) if item.get("output_type") == "error"]
    scores = {name: results.get_score(name) for name in results.results}
    feedback = {name: test.summary() for name, test in results.results.items()}
    payload = json.dumps({"scores": scores, "feedback": feedback, "errors": errors})
    Path(output).write_text(json.dumps({"payload": payload, "signature": sign(key, payload)}))


def structure_problems(submission: nbformat.NotebookNode, template: nbformat.NotebookNode) -> list[str]:
    """Locked cells of the student notebook (prompts, checks) that the submission deleted or reordered."""
    locked = [cell.source for cell in template.cells if cell.metadata.get("editable") is False]
    sources = [cell.get("source", "") for cell in submission.cells]
    kept = [source for source in locked if source in sources]
    problems = []
    if len(kept) < len(locked):
        problems.append(f"{len(locked) - len(kept)} of the lab's fixed cells deleted")
    if [source for source in sources if source in kept] != kept:
        problems.append("cells reordered")
    return problems


WRITTEN_PROMPT = "<!-- BEGIN QUESTION -->"  # otter assign opens each written question's prompt with this
ANSWER_TAG = "otter_answer_cell"  # and tags the cells where the student answers
UNANSWERED = "_Type your answer here, replacing this text._"  # what such a cell holds until then


def written_answers(submission: nbformat.NotebookNode, template: nbformat.NotebookNode,
                    names: list[str]) -> dict[str, str]:
    """Written question -> the student's answer: the answer cells after the question's (locked) prompt."""
    prompts = dict(zip(names, [cell.source for cell in template.cells if cell.cell_type == "markdown"
                               and WRITTEN_PROMPT in cell.source
                               and cell.metadata.get("editable") is False]))
    sources = [cell.get("source", "") for cell in submission.cells]
    answers = {}
    for name in names:
        prompt = prompts.get(name)
        if prompt is None or prompt not in sources:
            answers[name] = ("(the student notebook has no prompt for this question: run make labs)" if prompt is None
                             else "(the question's prompt cell was deleted; look at the notebook)")
            continue
        parts = []
        for cell in submission.cells[sources.index(prompt) + 1:]:
            if ANSWER_TAG not in cell.metadata.get("tags", []):
                break
            if cell.source.strip() not in ("", UNANSWERED):
                parts.append(cell.source.strip())
        answers[name] = "\n\n".join(parts) or "(no answer)"
    return answers


def written_report(lab: str, written: dict[str, float], template: nbformat.NotebookNode,
                   files: list[Path]) -> str:
    """Every submission's answer to each written question, one question at a time, for grading by hand."""
    lines = [f"# {lab}: written answers", "",
             f"Grade these by hand and enter the points in the columns {', '.join(written)} of {lab}.csv.", ""]
    collected = {}
    for path in files:
        try:
            collected[path.name] = written_answers(nbformat.read(path, as_version=4), template, list(written))
        except Exception:  # not a notebook: its row in the CSV says so
            collected[path.name] = dict.fromkeys(written, "(not a notebook)")
    for name, worth in written.items():
        lines += [f"## {name} ({worth:g} points)", ""]
        for file, answers in collected.items():
            lines += [f"### {file}", "", answers[name], ""]
    return "\n".join(lines)


class Graded(NamedTuple):
    scores: dict[str, float]  # question -> points scored
    status: str  # "ok", or what went wrong
    feedback: dict[str, str]  # question -> every test's result, as otter words it


class Confinement(NamedTuple):
    """How a submission is confined while it is graded (tools/sandbox.py)."""

    sandboxed: bool = True  # False only when the instructor says SANDBOX=none
    memory: int = DEFAULT_MEMORY  # bytes
    hidden: tuple[Path, ...] = ()  # folders the submission must not see (the other submissions, ...)


SANDBOXED = Confinement()


def python_kernel(notebook: nbformat.NotebookNode) -> str | None:
    """Point the notebook at the grader's Python kernel; the reason it cannot be graded if it is not Python.

    A kernel named after a local environment ("Python (gencnn)") is still Python and grades as such.
    """
    kernelspec = notebook.metadata.get("kernelspec", {})
    language = kernelspec.get("language") or notebook.metadata.get("language_info", {}).get("name") or "python"
    if language.lower() != "python":
        return f"not a Python notebook (kernel {kernelspec.get('name', '?')!r}, language {language!r})"
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return None


def grade_one(path: Path, autograder: Path, template: nbformat.NotebookNode, timeout: float,
              confinement: Confinement = SANDBOXED) -> Graded:
    """Grade one submission in its own working folder; a bad submission gives a status, never an exception."""
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as err:  # not JSON, not a notebook: nbformat raises several kinds
        return Graded({}, f"not a notebook ({type(err).__name__})", {})
    refused = python_kernel(notebook)
    if refused:
        return Graded({}, refused, {})
    notes = structure_problems(notebook, template)

    def ungraded(problem: str) -> Graded:
        return Graded({}, "; ".join([problem, *notes]), {})

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)  # all the submission may write to: a copy of itself and of the autograder
        nbformat.write(notebook, work / "submission.ipynb")
        shutil.copy(autograder, work / autograder.name)
        output = work / "result.json"
        command = [sys.executable, __file__, "--one", str(work / "submission.ipynb"), str(work / autograder.name),
                   str(output)]
        memory = None
        if confinement.sandboxed:
            memory = sandbox.MemoryLimit(confinement.memory)
            course = [ROOT, Path(sys.prefix), Path(sys.base_prefix)]  # the grader's code and its Python
            command = memory.command(sandbox.confine(command, work, course, list(confinement.hidden)))
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, text=True,
                                       start_new_session=True)  # its own process group: the kernel dies with it
            key = secrets.token_hex(32)
            try:
                _, stderr = process.communicate(key + "\n", timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                return ungraded(f"timed out after {timeout:g} s")
            if memory is not None and memory.exceeded():
                return ungraded(f"ran out of memory (limit {confinement.memory / 2**30:g} GiB)")
            if process.returncode != 0 or not output.is_file():
                last = (stderr.strip().splitlines() or ["no message"])[-1]
                if "DeadKernelError" in last:
                    last = "its Python kernel died (the notebook exited Python, or Python crashed)"
                return ungraded(f"could not be graded: {last}")
            try:
                signed = json.loads(output.read_text())
                genuine = hmac.compare_digest(sign(key, signed["payload"]), signed["signature"])
            except (ValueError, KeyError, TypeError, AttributeError):  # not JSON, or not shaped as the grader writes
                genuine = False
            if not genuine:
                return ungraded("could not be graded: its result file was not written by the grader")
            result = json.loads(signed["payload"])
        finally:
            if memory is not None:
                memory.remove()
    if result["errors"]:
        notes.insert(0, f"raised an error ({result['errors'][0]})")
    return Graded(result["scores"], "; ".join(notes) or "ok", result["feedback"])


def timed_grade(path: Path, autograder: Path, template: nbformat.NotebookNode, timeout: float,
                confinement: Confinement) -> tuple[Graded, float]:
    started = time.perf_counter()
    return grade_one(path, autograder, template, timeout, confinement), time.perf_counter() - started


def summary(lab: str, points: dict[str, float], rows: list[dict]) -> str:
    possible = sum(points.values())
    totals = [row["total"] for row in rows]
    lines = [f"# {lab}: {len(rows)} submissions", "",
             f"Total: mean {statistics.fmean(totals):.2f} of {possible:g}, median {statistics.median(totals):g}" if rows
             else "No submissions.", "",
             "| question | points | mean | full marks | partial | zero |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, worth in points.items():
        scores = [row[name] for row in rows]
        full = sum(score >= worth for score in scores)
        zero = sum(score == 0 for score in scores)
        mean = statistics.fmean(scores) if scores else 0
        lines.append(f"| {name} | {worth:g} | {mean:.2f} | {full} | {len(scores) - full - zero} | {zero} |")
    problems = [f"- {row['file']}: {row['status']}" for row in rows if row["status"] != "ok"]
    return "\n".join(lines + (["", "Needs a look:", *problems] if problems else [])) + "\n"


def grade(lab: str, submissions: Path, output: Path, timeout: float, jobs: int = 1, sandboxed: bool = True,
          memory: int = DEFAULT_MEMORY) -> list[dict]:
    master = master_path(lab)
    if not master.is_file():
        known = ", ".join(path.stem for path in masters())
        sys.exit(f"unknown lab {lab!r}: the labs are {known}")
    if not submissions.is_dir():
        sys.exit(f"SUBMISSIONS={submissions} is not a folder of submissions")
    files = sorted(path for path in submissions.iterdir() if path.is_file() and not path.name.startswith("."))
    reason = sandbox.unavailable() if sandboxed else None
    if reason:
        sys.exit(f"Submissions cannot be sandboxed here: {reason}.\nStudent code is untrusted; to "
                 "grade without a sandbox anyway (it can then read and write your files), pass SANDBOX=none.")
    confinement = Confinement(sandboxed, memory, (submissions, ROOT / "solutions", output))
    points = questions(master)
    written = written_questions(master)
    template = nbformat.read(student_path(lab), as_version=4)
    rows = []
    feedback = output / f"{lab}-feedback"
    feedback.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        print(f"Building {lab}'s autograder (as make autograder does) ...", flush=True)
        autograder = autograders.build(lab, Path(folder))
        where = (f"each in a sandbox (memory limit {memory / 2**30:g} GiB)" if sandboxed
                 else "WITHOUT a sandbox (SANDBOX=none)")
        print(f"Grading {len(files)} submissions, {jobs} at a time, {where} ...", flush=True)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=jobs) as pool:  # each grading runs in its own process
            futures = {pool.submit(timed_grade, path, autograder, template, timeout, confinement): path
                       for path in files}
            for number, future in enumerate(as_completed(futures), 1):
                path = futures[future]
                graded, seconds = future.result()
                row = {"file": path.name, **{name: float(graded.scores.get(name, 0)) for name in points}}
                row["total"] = sum(row[name] for name in points)
                row.update(possible=float(sum(points.values())), status=graded.status)
                (feedback / f"{path.name}.txt").write_text(
                    f"{path.name}: {row['total']:g} of {row['possible']:g} ({graded.status})\n\n"
                    + "\n\n".join(graded.feedback.values()) + "\n")
                rows.append(row)
                left = (time.perf_counter() - started) / number * (len(files) - number)
                print(f"[{number}/{len(files)}] {path.name}: {row['total']:g} of {row['possible']:g} "
                      f"({graded.status}) in {seconds:.0f} s; about {left:.0f} s left", flush=True)
    rows.sort(key=lambda row: row["file"])
    with open(output / f"{lab}.csv", "w", newline="") as handle:
        # the written questions' columns stay empty for the instructor; total and possible count the tests' points
        writer = csv.DictWriter(handle, fieldnames=["file", *points, *written, "total", "possible", "status"])
        writer.writeheader()
        writer.writerows(rows)
    text = summary(lab, points, rows)
    (output / f"{lab}-summary.md").write_text(text)
    (output / f"{lab}-written.md").write_text(written_report(lab, written, template, files))
    print(f"\n{text}\nWrote {output / f'{lab}.csv'}, {output / f'{lab}-summary.md'}, the feedback in {feedback} "
          f"and the written answers to grade by hand in {output / f'{lab}-written.md'}")
    return rows


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        grade_in_this_process(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lab", help="lab01 ... lab07")
    parser.add_argument("submissions", type=Path, help="folder of submitted notebooks")
    parser.add_argument("--output", type=Path, default=ROOT / "_build" / "grades", help="where the CSV and summary go")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds allowed per submission")
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) // 2),
                        help="submissions graded at once (default: half the cores)")
    parser.add_argument("--memory", type=float, default=DEFAULT_MEMORY / 2**30, help="GiB allowed per submission")
    parser.add_argument("--sandbox", choices=["bubblewrap", "none"], default="bubblewrap",
                        help="none grades without confinement (only for submissions you trust)")
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {args.jobs}")
    if args.memory <= 0:
        parser.error(f"--memory must be a positive number of GiB, not {args.memory:g}")
    grade(args.lab, args.submissions, args.output, args.timeout, args.jobs, args.sandbox == "bubblewrap",
          int(args.memory * 2**30))


if __name__ == "__main__":
    main()
