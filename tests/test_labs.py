"""The graded labs.

Whole notebooks, through the grading path instructors use (tools/grade.py, otter run without Docker;
marked `whole_notebook`): each master's solutions score full marks within the 3-minute budget, an
unfilled student notebook scores 0 cleanly, and a batch with broken submissions still completes with
the right rows. Question by question (tools/question_grader.py: the lab's preamble runs once, each
answer is graded by the question's test file): one typical mistake per lab costs that question's
points and the feedback names it. And labs/ is what `make labs` generates.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import nbformat
import pytest
from lab_answers import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import autograder  # noqa: E402
import grade  # noqa: E402
import make_labs  # noqa: E402
from question_grader import QuestionGrader, master_answered  # noqa: E402

# Every test here is a lab test; the tests of one lab share a worker (and its otter assign) under xdist.
pytestmark = pytest.mark.labs

LABS = [master.stem for master in make_labs.masters()]
LAB_BUDGET = 180  # seconds: a lab runs in at most 3 minutes on 2 cores with the solutions filled in

class Built(NamedTuple):
    archive: Path  # the autograder zip, as make autograder and make grade build it (hidden tests included)
    solutions: Path  # the solutions notebook


def per_lab(function):
    """Parametrize a test over the labs, each lab in its own xdist group."""
    return pytest.mark.parametrize("lab", [pytest.param(lab, marks=pytest.mark.xdist_group(lab)) for lab in LABS])(
        function)


def once_per_lab(make):
    """A module fixture: lab -> make(lab, a fresh folder), made on first use."""

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory):
        cache = {}

        def get(lab):
            if lab not in cache:
                cache[lab] = make(lab, tmp_path_factory.mktemp(lab))
            return cache[lab]

        return get

    return fixture


def assign_lab(lab, folder):
    """otter assign's output for the lab (student/ and autograder/ with every test)."""
    make_labs.assign(make_labs.master_path(lab), folder)
    return folder


def build_lab(lab, folder):
    archive = autograder.build(lab, folder)
    return Built(archive, folder / autograder.ASSIGNED / "autograder" / f"{lab}.ipynb")


assigned = once_per_lab(assign_lab)
built = once_per_lab(build_lab)


def template(lab):
    return nbformat.read(make_labs.student_path(lab), as_version=4)


def test_one_lab_per_chapter():
    assert LABS == [f"lab{n:02d}" for n in range(1, 8)]
    for lab in LABS:
        points = make_labs.questions(make_labs.master_path(lab))
        written = make_labs.written_questions(make_labs.master_path(lab))
        assert 5 <= len(points) <= 8, f"{lab} has {len(points)} autograded questions; a lab has 5 to 8"
        assert written, f"{lab} has no written question for the instructor to grade"


@per_lab
def test_labs_are_generated_from_the_masters(lab, assigned):
    master = make_labs.master_path(lab)
    found = make_labs.differences(lab, make_labs.generate(master, assigned(lab)))
    assert not found, f"labs/{lab} does not match solutions/{lab}: run make labs ({found})"


def test_student_notebooks_hide_the_solutions_and_set_up_colab():
    for lab in LABS:
        notebook = template(lab)
        text = "\n".join(cell.source for cell in notebook.cells)
        assert "# BEGIN SOLUTION" not in text and "# SOLUTION" not in text, f"{lab}: a solution leaked into labs/"
        colab, raw = make_labs.colab_links(lab)
        assert colab in notebook.cells[0].source, f"{lab}: the first cell should be the Open in Colab badge"
        assert raw in text and make_labs.otter_requirement() in text, f"{lab}: the set-up cell should fetch the tests"
        tests = (make_labs.LABS / lab / "tests").glob("*.py")
        hidden = [path.name for path in tests if "hidden=True" in path.read_text()]
        assert not hidden, f"{lab}: the student's tests {hidden} contain hidden tests"


def test_grader_check_says_that_only_the_public_tests_ran(tmp_path, monkeypatch):
    from gencnn.labs import public_checks

    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "q1.py").write_text((make_labs.LABS / "lab06" / "tests" / "q1.py").read_text())
    monkeypatch.chdir(tmp_path)
    grader = public_checks()
    right = grader.check("q1", {"conv_output_size": lambda n, k, stride=1, padding=0, dilation=1:
                                (n + 2 * padding - dilation * (k - 1) - 1) // stride + 1})
    wrong = grader.check("q1", {"conv_output_size": lambda n, k, stride=1, padding=0, dilation=1: n - k})
    for shown in (repr(right), right._repr_html_()):
        assert "q1: the public tests passed; hidden tests grade the rest" in shown, shown
        assert "All test cases passed" not in shown and "passed!" not in shown, shown
    assert "fits 26 times, not 25" in repr(wrong) and "fits 26 times, not 25" in wrong._repr_html_()


def test_written_answers_are_collected_for_the_instructor(tmp_path):
    lab = "lab01"
    student = template(lab)
    written = make_labs.written_questions(make_labs.master_path(lab))
    answered = nbformat.read(make_labs.student_path(lab), as_version=4)
    for cell in answered.cells:
        if grade.ANSWER_TAG in cell.metadata.get("tags", []) and cell.cell_type == "markdown":
            cell.source = "Shuffled labels carry no signal, so the model stays at chance."
    nbformat.write(answered, tmp_path / "answered.ipynb")
    deleted = nbformat.read(make_labs.student_path(lab), as_version=4)
    deleted.cells = [cell for cell in deleted.cells if grade.WRITTEN_PROMPT not in cell.source]
    nbformat.write(deleted, tmp_path / "deleted.ipynb")
    (tmp_path / "essay.ipynb").write_text("not a notebook")

    report = grade.written_report(lab, written, student, sorted(tmp_path.iterdir()))
    name = next(iter(written))
    assert f"## {name} ({written[name]:g} points)" in report, report
    sections = report.split("### ")[1:]
    assert sections[0].startswith("answered.ipynb\n\nShuffled labels carry no signal"), report
    assert sections[1].startswith("deleted.ipynb\n\n(the question's prompt cell was deleted"), report
    assert sections[2].startswith("essay.ipynb\n\n(not a notebook)"), report
    unfilled = grade.written_answers(student, student, list(written))
    assert unfilled == {name: "(no answer)"}, unfilled
    stale = grade.written_answers(student, student, [*written, "q99"])  # a question the template does not have yet
    assert stale["q99"].endswith("run make labs)") and stale[name] == "(no answer)", stale


@pytest.mark.whole_notebook
@per_lab
def test_solutions_score_full_marks_in_time(lab, built):
    archive, solutions = built(lab)
    started = time.perf_counter()
    graded = grade.grade_one(solutions, archive, template(lab), timeout=2 * LAB_BUDGET)
    seconds = time.perf_counter() - started
    points = make_labs.questions(make_labs.master_path(lab))
    assert graded.status == "ok", graded.status
    assert graded.scores == pytest.approx(points), "\n\n".join(graded.feedback.values())
    assert seconds <= LAB_BUDGET, f"{lab} took {seconds:.0f} s to grade with the solutions; the budget is {LAB_BUDGET}"


@pytest.mark.whole_notebook
@per_lab
def test_unfilled_notebook_scores_zero_cleanly(lab, built):
    archive = built(lab).archive
    graded = grade.grade_one(make_labs.student_path(lab), archive, template(lab), timeout=LAB_BUDGET)
    assert set(graded.scores) == set(make_labs.questions(make_labs.master_path(lab)))
    assert sum(graded.scores.values()) == 0, graded.scores
    assert graded.status == "ok" or graded.status.startswith("raised an error ("), graded.status  # graded, not crashed


@pytest.fixture(scope="module")
def question_grader(assigned):
    """lab -> QuestionGrader, the lab's cells run once, on first use."""
    cache = {}

    def grader(lab):
        if lab not in cache:
            cache[lab] = QuestionGrader(make_labs.master_path(lab), assigned(lab) / "autograder" / "tests")
        return cache[lab]

    return grader


def catalogue_cases() -> list:
    cases = []
    for lab, questions in CATALOGUE.items():
        for question, answers in questions.items():
            for answer in answers:
                verdict = "right" if answer.mistake is None else "wrong"
                cases.append(pytest.param(lab, question, answer, id=f"{lab}-{question}-{verdict}-{answer.what}",
                                          marks=pytest.mark.xdist_group(lab)))
    return cases


def test_every_question_has_a_catalogue():
    for lab in LABS:
        points = make_labs.questions(make_labs.master_path(lab))
        covered = sorted(CATALOGUE.get(lab, {}))
        assert covered == sorted(points), f"{lab}: the catalogue covers {covered}, the lab asks {sorted(points)}"
        for question, answers in CATALOGUE[lab].items():
            right = sum(answer.mistake is None for answer in answers)
            wrong = len(answers) - right
            assert right >= 2 and wrong >= 2, f"{lab} {question}: {right} other right answers, {wrong} mistakes"


@per_lab
def test_the_solutions_score_full_marks_question_by_question(lab, question_grader):
    for question, points in make_labs.questions(make_labs.master_path(lab)).items():
        graded = question_grader(lab).grade(question)
        assert (graded.score, graded.possible) == pytest.approx((points, points)), graded.feedback  # otter sums floats


@pytest.mark.parametrize("lab, question, answer", catalogue_cases())
def test_catalogue_answer_is_graded_as_it_deserves(lab, question, answer, question_grader):
    points = make_labs.questions(make_labs.master_path(lab))[question]
    graded = question_grader(lab).grade(question, answer.replace)
    if answer.mistake is None:
        assert graded.score == pytest.approx(points), (
            f"right ({answer.what}) but {graded.score} of {points}:\n{graded.feedback}")
    else:
        assert graded.score == 0, f"a mistake ({answer.what}) got {graded.score} of {points}:\n{graded.feedback}"
        assert answer.mistake in graded.feedback, f"the feedback does not say {answer.mistake!r}:\n{graded.feedback}"


def submission_answering(lab: str, right: bool, folder: Path) -> Path:
    """A whole submission (otter assign's solutions of the master) whose every question carries the first
    right answer of its catalogue (right=True) or its first mistake (right=False)."""
    answers = {question: next(answer.replace for answer in catalogue if (answer.mistake is None) == right)
               for question, catalogue in CATALOGUE[lab].items()}
    master = folder / "master" / f"{lab}.ipynb"
    master.parent.mkdir(parents=True)
    nbformat.write(master_answered(make_labs.master_path(lab), answers), master)
    make_labs.assign(master, folder / "assigned")
    return folder / "assigned" / "autograder" / f"{lab}.ipynb"


@pytest.mark.whole_notebook
@per_lab
def test_the_catalogue_grades_the_same_through_make_grade(lab, tmp_path):
    """One notebook with a right answer of another form to every question gets full marks, and one with a
    typical mistake in every question gets none on each question: through grade.py."""
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name, right in (("right", True), ("mistakes", False)):
        (folder / f"{name}.ipynb").write_text(submission_answering(lab, right, tmp_path / name).read_text())
    result = subprocess.run([sys.executable, "tools/grade.py", lab, str(folder), "--output", str(tmp_path / "out"),
                             "--timeout", str(2 * LAB_BUDGET), "--jobs", "2"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(tmp_path / "out" / f"{lab}.csv", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    points = make_labs.questions(make_labs.master_path(lab))
    feedback = (tmp_path / "out" / f"{lab}-feedback" / "mistakes.ipynb.txt").read_text()
    assert float(rows["right.ipynb"]["total"]) == sum(points.values()), (rows["right.ipynb"], result.stdout)
    # Every question loses its points. The feedback's wording is checked question by question (above): here a
    # mistake in one question can feed a later one, whose feedback then names that consequence instead.
    for question in points:
        assert float(rows["mistakes.ipynb"][question]) == 0, f"{question}: {rows['mistakes.ipynb']}\n{feedback}"
        assert f"{question} results" in feedback, f"{question} was not graded:\n{feedback}"


@pytest.mark.whole_notebook
@pytest.mark.xdist_group("lab06")
def test_a_batch_with_broken_submissions_completes(built, tmp_path):
    lab = "lab06"
    solutions = built(lab).solutions
    folder = tmp_path / "submissions"
    folder.mkdir()
    notebook = nbformat.read(solutions, as_version=4)
    nbformat.write(notebook, folder / "good.ipynb")
    partial = nbformat.read(solutions, as_version=4)
    for cell in partial.cells:
        cell.source = cell.source.replace("jump *= stride", "jump *= 1")  # right only for stride 1
    nbformat.write(partial, folder / "partial.ipynb")
    crashing = nbformat.read(solutions, as_version=4)
    crashing.cells.insert(3, nbformat.v4.new_code_cell("1 / 0"))
    nbformat.write(crashing, folder / "crashing.ipynb")
    looping = nbformat.read(solutions, as_version=4)
    looping.cells.insert(3, nbformat.v4.new_code_cell("import time\n\nwhile True:\n    time.sleep(1)"))
    nbformat.write(looping, folder / "looping.ipynb")
    reordered = nbformat.read(solutions, as_version=4)
    reordered.cells = [cell for cell in reordered.cells if 'grader.check("q2")' not in cell.source]
    nbformat.write(reordered, folder / "deleted-cell.ipynb")
    (folder / "essay.ipynb").write_text("Dear instructor, my notebook is attached. Not.")

    result = subprocess.run([sys.executable, "tools/grade.py", lab, str(folder), "--output", str(tmp_path / "out"),
                             "--timeout", "120", "--jobs", "2"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[6/6]" in result.stdout, result.stdout  # progress, one line per submission
    with open(tmp_path / "out" / f"{lab}.csv", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    points = make_labs.questions(make_labs.master_path(lab))
    written = make_labs.written_questions(make_labs.master_path(lab))
    full = str(float(sum(points.values())))
    assert list(next(iter(rows.values()))) == ["file", *points, *written, "total", "possible", "status"]
    assert all(rows["good.ipynb"][name] == "" for name in written)  # left for the instructor
    assert (rows["good.ipynb"]["total"], rows["good.ipynb"]["status"]) == (full, "ok")
    # right only at stride 1: q3 is graded all or nothing, so it loses all of q3 and nothing else
    partial = rows["partial.ipynb"]
    assert float(partial["q3"]) == 0 and float(partial["total"]) == float(full) - points["q3"]
    crash = "raised an error (ZeroDivisionError: division by zero in the cell starting '1 / 0')"
    assert rows["crashing.ipynb"]["status"] == crash
    assert rows["crashing.ipynb"]["total"] == full  # the error stops nothing the tests need
    assert rows["looping.ipynb"]["status"].startswith("timed out after 120 s")
    assert rows["looping.ipynb"]["total"] == "0.0"
    assert rows["deleted-cell.ipynb"]["status"] == "1 of the lab's fixed cells deleted"
    assert rows["essay.ipynb"]["status"].startswith("not a notebook") and rows["essay.ipynb"]["total"] == "0.0"
    summary = (tmp_path / "out" / f"{lab}-summary.md").read_text()
    assert "| q3 | 2 |" in summary and "essay.ipynb: not a notebook" in summary
    feedback = (tmp_path / "out" / f"{lab}-feedback" / "partial.ipynb.txt").read_text()
    assert "q3 results" in feedback


TORTURE = {  # file -> a cell added after the lab's imports (None: the notebook as it is, with another change)
    "escape.ipynb": (
        "import os, pathlib\n"
        "try:\n"
        "    seen = os.listdir({folder!r})\n"
        "except OSError:\n"
        "    seen = []\n"
        "assert not seen, f'the other submissions are visible: {{seen}}'\n"
        "for target in [{root!r} + '/pwned.txt', {folder!r} + '/pwned.txt', '/tmp/pwned.txt']:\n"
        "    try:\n"
        "        pathlib.Path(target).write_text('written by a submission')\n"
        "    except OSError:\n"
        "        pass"),
    "daemon.ipynb": (
        "import subprocess, sys\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)  # {marker}'],"
        " start_new_session=True)"),
    "memory-hog.ipynb": "hog = b'x' * (3 * 2**30)",
    "exits.ipynb": "import os\nos._exit(0)",
    "huge-output.ipynb": "for _ in range(2000):\n    print('x' * 100_000)",
    "forger.ipynb": (  # keeps writing full marks where the grader writes its result, signed with a made-up key
        "import json, os, subprocess, sys\n"
        "payload = json.dumps({{'scores': {{'q1': 99}}, 'feedback': {{}}, 'errors': []}})\n"
        "forged = json.dumps({{'payload': payload, 'signature': '0' * 64}})\n"
        "target = os.environ['HOME'] + '/result.json'\n"
        "loop = f'import time\\nwhile True:\\n open({{target!r}}, \"w\").write({{forged!r}})\\n time.sleep(.01)'\n"
        "subprocess.Popen([sys.executable, '-c', loop], start_new_session=True)"),
    "always-equal.ipynb": None,
    "renamed-kernel.ipynb": None,
    "r-notebook.ipynb": None,
}


@pytest.mark.whole_notebook
@pytest.mark.xdist_group("lab06")
def test_hostile_submissions_stay_in_their_sandbox(built, tmp_path):
    """Each submission is graded in a sandbox: nothing it writes lands outside, nothing it starts survives,
    its memory is capped, and odd notebooks still get a row with a status that says what happened."""
    from sandbox import unavailable

    assert unavailable() is None, unavailable()
    lab = "lab06"
    folder = tmp_path / "submissions"
    folder.mkdir()
    marker = f"gencnn-torture-{tmp_path.name}"
    for name, cell in TORTURE.items():
        notebook = nbformat.read(built(lab).solutions, as_version=4)
        if cell:
            source = cell.format(root=str(ROOT), folder=str(folder), marker=marker)
            notebook.cells.insert(4, nbformat.v4.new_code_cell(source))
        notebook.metadata["kernelspec"] = {"name": "gencnn-venv", "display_name": "Python (gencnn)",
                                           "language": "python"}
        if name in ("always-equal.ipynb", "forger.ipynb"):
            for c in notebook.cells:
                c.source = c.source.replace("return (n + 2 * padding", "return AlwaysEqual()  # (n + 2 * padding")
            notebook.cells.insert(4, nbformat.v4.new_code_cell(
                "class AlwaysEqual(int):\n    def __eq__(self, other):\n        return True\n\n"
                "    __hash__ = int.__hash__"))
        if name == "r-notebook.ipynb":
            notebook.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
        nbformat.write(notebook, folder / name)
    (folder / "not-a-notebook.ipynb").write_text("print('hello')")

    result = subprocess.run([sys.executable, "tools/grade.py", lab, str(folder), "--output", str(tmp_path / "out"),
                             "--timeout", "120", "--jobs", "2", "--memory", "2"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(tmp_path / "out" / f"{lab}.csv", newline="") as handle:
        rows = {row["file"]: row for row in csv.DictReader(handle)}
    full = str(float(sum(make_labs.questions(make_labs.master_path(lab)).values())))
    report = "\n".join(f"{name}: {row['total']} ({row['status']})" for name, row in rows.items())

    assert (rows["escape.ipynb"]["total"], rows["escape.ipynb"]["status"]) == (full, "ok"), report
    assert not (ROOT / "pwned.txt").exists() and not (folder / "pwned.txt").exists()
    assert not Path("/tmp/pwned.txt").exists()
    assert (rows["daemon.ipynb"]["total"], rows["daemon.ipynb"]["status"]) == (full, "ok"), report
    survivors = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
    assert not survivors, f"processes started by a submission outlived its grading: {survivors}"
    assert rows["memory-hog.ipynb"]["status"].startswith("ran out of memory (limit 2 GiB)"), report
    assert rows["exits.ipynb"]["status"].startswith("could not be graded: its Python kernel died"), report
    assert rows["huge-output.ipynb"]["total"] == full, report
    assert float(rows["always-equal.ipynb"]["q1"]) == 0, report
    forger = rows["forger.ipynb"]  # its forgery is refused, or lost the race to the grader's own result
    assert float(forger["q1"]) == 0 and (forger["status"] == "ok"
                                         or forger["status"].endswith("not written by the grader")), report
    assert (rows["renamed-kernel.ipynb"]["total"], rows["renamed-kernel.ipynb"]["status"]) == (full, "ok"), report
    assert rows["r-notebook.ipynb"]["status"] == "not a Python notebook (kernel 'ir', language 'R')", report
    assert rows["not-a-notebook.ipynb"]["status"].startswith("not a notebook"), report
    assert sorted(path.name for path in folder.iterdir()) == sorted([*TORTURE, "not-a-notebook.ipynb"])


def test_grading_without_a_sandbox_needs_the_instructor_to_say_so(monkeypatch, tmp_path, capsys):
    import sandbox

    monkeypatch.setattr(sandbox, "unavailable", lambda: "bubblewrap is not installed")
    (tmp_path / "submissions").mkdir()
    with pytest.raises(SystemExit) as refusal:
        grade.grade("lab06", tmp_path / "submissions", tmp_path / "out", timeout=60)
    assert "bubblewrap is not installed" in str(refusal.value) and "SANDBOX=none" in str(refusal.value)
