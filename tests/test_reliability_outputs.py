"""Run safety of build/add outputs: one committed set, a lock, killed and failed runs, --base.

The default run kills a process committing output sets (kg.outputs, no spaCy) at random
points; the slow tests kill real `kg build` / `kg add` runs, run concurrent adds and fill the
disk (RLIMIT_FSIZE) in the middle of writing graph.html.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from rdflib import RDFS, Graph
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from conftest import _model_available, kg_executable, run_kg
from kg.outputs import OUTPUT_NAMES, OutputError, cleanup, commit, current_dir, locked

needs_model = pytest.mark.skipif(not _model_available(), reason="spaCy model not installed")

# A process that commits output sets forever; every line of every file names its run.
COMMITTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kg.outputs import OUTPUT_NAMES, commit, locked

    out, first = Path(sys.argv[1]), int(sys.argv[2])

    def writer(run):
        def write(path):
            with open(path, "w", encoding="utf-8") as fh:
                for _ in range(4000):
                    fh.write(f"run {run}\\n" * 20)
        return write

    for run in range(first, first + 10_000):
        with locked(out):
            commit(out, {name: writer(run) for name in OUTPUT_NAMES})
        print(run, flush=True)
    """
)


def _run_of(path: Path) -> int:
    """The run a committed file belongs to; asserts the file is whole (every line that run)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    runs = {line for line in lines}
    assert len(runs) == 1 and len(lines) == 80_000, f"{path}: torn file"
    return int(lines[0].split()[1])


def _leftovers(out: Path) -> list[str]:
    state = out / ".kg"
    names = [p.name for p in out.iterdir()] + [p.name for p in state.iterdir()]
    return [n for n in names if n.endswith(".tmp") or n.startswith("stage-")]


def _writer(text: str):
    return lambda path: path.write_text(text, encoding="utf-8")


def _kill_committer_repeatedly(out: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    seen: set[int] = set()
    for i in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", COMMITTER, str(out), str(i * 10_000)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.3, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        printed = proc.stdout.read().split()
        proc.stdout.close()
        if not (out / "graph.ttl").exists():
            assert not printed  # killed before its first commit
            continue
        runs = {name: _run_of(out / name) for name in OUTPUT_NAMES}
        assert len(set(runs.values())) == 1, f"round {i}: outputs from different runs {runs}"
        pinned = current_dir(out)
        assert {_run_of(pinned / name) for name in OUTPUT_NAMES} == set(runs.values())
        # the set is the last committed run, or the one after it if killed after its switch
        last = int(printed[-1]) if printed else i * 10_000 - 1
        assert runs["graph.ttl"] in (last, last + 1) or not printed
        seen.add(runs["graph.ttl"])
    assert seen, "no run ever committed: the kill came too early every time"
    with locked(out):  # the next run on the folder removes what the killed ones left
        pass
    assert _leftovers(out) == []
    generations = [p for p in (out / ".kg").iterdir() if re.fullmatch(r"g\d+", p.name)]
    assert len(generations) <= 2


def test_kill9_during_commits_never_mixes_runs_short(tmp_path):
    _kill_committer_repeatedly(tmp_path / "out", rounds=6, seed=1)


@pytest.mark.slow
def test_kill9_during_commits_never_mixes_runs_long(tmp_path):
    _kill_committer_repeatedly(tmp_path / "out", rounds=25, seed=2)


def test_commit_publishes_the_names_as_links_into_one_generation(tmp_path):
    out = tmp_path / "out"
    with locked(out):
        first = commit(out, {n: _writer(f"one {n}") for n in OUTPUT_NAMES})
    with locked(out):
        second = commit(
            out, {"graph.ttl": _writer("two ttl"), "extractions.jsonl": _writer("two ex")}
        )
    assert first.generation != second.generation
    assert (out / "graph.ttl").read_text() == "two ttl"
    assert (out / "extractions.jsonl").read_text() == "two ex"
    assert (
        not (out / "graph.html").exists() and not (out / "graph.html").is_symlink()
    )  # no stale page
    assert current_dir(out) == second.generation
    assert (first.generation / "graph.html").read_text() == "one graph.html"  # kept for readers


def test_failed_write_leaves_the_previous_set(tmp_path):
    out = tmp_path / "out"
    with locked(out):
        commit(out, {n: _writer(f"old {n}") for n in OUTPUT_NAMES})

    def disk_full(path):
        path.write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    with locked(out), pytest.raises(OSError):
        commit(
            out,
            {
                "graph.ttl": _writer("new ttl"),
                "graph.html": disk_full,
                "extractions.jsonl": _writer("new"),
            },
        )
    assert {n: (out / n).read_text() for n in OUTPUT_NAMES} == {n: f"old {n}" for n in OUTPUT_NAMES}
    assert _leftovers(out) == []


def test_plain_outputs_of_an_older_kg_are_adopted_without_a_mixed_moment(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUT_NAMES:
        (out / name).write_text(f"legacy {name}", encoding="utf-8")
    (out / ".graph.ttl.k3j_9a2b.tmp").write_text("left by kill -9", encoding="utf-8")
    with locked(out):
        assert not (out / ".graph.ttl.k3j_9a2b.tmp").exists()  # stale temporary removed on entry
        commit(out, {n: _writer(f"new {n}") for n in OUTPUT_NAMES})
    assert all((out / n).is_symlink() and (out / n).read_text() == f"new {n}" for n in OUTPUT_NAMES)
    kept = sorted(p for p in (out / ".kg").iterdir() if re.fullmatch(r"g\d+", p.name))
    assert (kept[0] / "graph.ttl").read_text() == "legacy graph.ttl"


def test_a_copied_output_folder_still_commits(tmp_path):
    """shutil.copytree follows links: the copy holds plain files and a real .kg/current folder."""
    import shutil

    out = tmp_path / "out"
    with locked(out):
        commit(out, {n: _writer(f"a {n}") for n in OUTPUT_NAMES})
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    assert not (copy / ".kg" / "current").is_symlink()
    assert current_dir(copy) == copy
    with locked(copy):
        commit(copy, {n: _writer(f"b {n}") for n in OUTPUT_NAMES})
    assert {(copy / n).read_text() for n in OUTPUT_NAMES} == {f"b {n}" for n in OUTPUT_NAMES}
    assert (out / "graph.ttl").read_text() == "a graph.ttl"


def test_a_folder_in_place_of_an_output_is_refused_before_writing(tmp_path):
    out = tmp_path / "out"
    (out / "graph.html").mkdir(parents=True)
    with locked(out), pytest.raises(OutputError, match="graph.html: it is a folder"):
        commit(out, {n: _writer(n) for n in OUTPUT_NAMES})
    assert not (out / "graph.ttl").exists()


def test_cleanup_removes_staging_folders_of_killed_runs(tmp_path):
    out = tmp_path / "out"
    with locked(out):
        commit(out, {"graph.ttl": _writer("x")})
    (out / ".kg" / "stage-abc123").mkdir()
    (out / ".kg" / "stage-abc123" / "graph.ttl").write_text("partial")
    (out / ".graph.html.abcdefgh.tmp").write_text("partial")
    removed = {p.name for p in cleanup(out)}
    assert removed == {"stage-abc123", ".graph.html.abcdefgh.tmp"}
    assert (out / "graph.ttl").read_text() == "x"


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kg.outputs import locked
    with locked(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_second_run_waits_for_the_lock_and_says_so(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out), "1.5"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        messages: list[str] = []
        start = time.monotonic()
        with locked(out, on_wait=messages.append):
            waited = time.monotonic() - start  # the holder keeps the lock for 1.5 s
    finally:
        holder.wait(timeout=30)
        holder.stdout.close()
    assert waited > 1.0
    assert (
        len(messages) == 1
        and f"waiting for another kg run on {out} (pid {holder.pid})" in messages[0]
    )


# --------------------------------------------------------------------------- --base


@pytest.mark.parametrize(
    "base, reason",
    [
        ("https://example.org/a b/", "spaces"),
        ('https://example.org/"q"/', "quotes"),
        ("https://example.org/<x>/", "<>"),
        ("https://example.org/x/\nhttps://evil/", "control"),
        ("https://example.org/\u202ex/", "format"),
        ("example.org/kg/", "absolute IRI"),
        ("https://example.org/kg", "end with"),
        ("https://example.org/a#b#", "not a valid IRI"),
    ],
)
def test_bad_base_is_one_line_error_before_reading_anything(tmp_path, base, reason):
    from kg.cli import app

    missing = tmp_path / "does-not-exist.txt"  # reading it would be a different error
    result = CliRunner().invoke(
        app, ["build", str(missing), "--out", str(tmp_path / "out"), "--base", base]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --base") and reason in lines[0], (
        result.output
    )
    assert not (tmp_path / "out").exists()


def test_bad_base_from_the_command_line_has_no_traceback(tmp_path):
    proc = run_kg("build", str(tmp_path), "--out", str(tmp_path / "out"), "--base", "http://x/ y/")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: --base") and len(proc.stderr.strip().splitlines()) == 1


def test_good_bases_are_accepted():
    from kg.pipeline import check_base

    for base in (
        "https://example.org/kg/id/",
        "http://example.org/x#",
        "urn:example:kg/",
        "https://例え.jp/kg/",
    ):
        assert check_base(base) == base


# --------------------------------------------------------------------------- labels


def test_invisible_characters_leave_labels_but_stay_in_the_evidence():
    from kg.graph import build_graph
    from kg.model import Document, Entity, Relation

    spoof = "Acme\u202e Corp\u200b"
    doc = Document(
        id="d1", text=f"{spoof} hired Jo Bloggs.", source="d1.txt", title="Acme\u2066 news\u2069"
    )
    entities = [
        Entity(
            key="acme corp",
            label=spoof,
            type="Organization",
            aliases={"Ac\u200dme"},
            docs={"d1"},
            mentions=1,
        ),
        Entity(
            key="jo bloggs",
            label="Jo Bloggs",
            type="Person",
            aliases=set(),
            docs={"d1"},
            mentions=1,
        ),
    ]
    relations = [
        Relation("jo bloggs", "worksFor", "acme corp", "d1", doc.text, 0, len(doc.text), "test")
    ]
    g = build_graph(entities, relations, [doc])
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert "Acme Corp" in labels and "Acme news" in labels
    assert not any(ch in "".join(labels) for ch in "\u202e\u200b\u2066\u2069")
    assert {str(o) for o in g.objects(None, SKOS.altLabel)} == {"Acme"}
    sentences = {str(o) for s, p, o in g if p.endswith("#sentence")}
    assert sentences == {doc.text}


def test_invisible_characters_do_not_split_one_name_in_two():
    from kg.resolve import name_key

    assert name_key("Acme\u200b Corp") == name_key("Acme Corp")
    assert name_key("\u202eAcme Corp\u202c") == name_key("Acme Corp")


# --------------------------------------------------------------------------- real runs (model)

MARK = re.compile(r"Marker(\d+)")


def _article(i: int) -> str:
    return json.dumps(
        {
            "id": f"run{i}",
            "title": f"Marker{i} news",
            "text": f"Acme Corp hired Jane Doe{i} as chief executive.",
        }
    )


def _markers(out: Path) -> dict[str, set[int]]:
    """Which runs' documents each output holds (titles are in all three files)."""
    found = {}
    for name in OUTPUT_NAMES:
        text = (out / name).read_text(encoding="utf-8")
        found[name] = {int(m) for m in MARK.findall(text)}
    Graph().parse(out / "graph.ttl", format="turtle")  # whole, parseable Turtle
    assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    return found


def _kill_runs(tmp_path: Path, command: str, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    out = tmp_path / "out"
    (tmp_path / "base.jsonl").write_text(_article(0) + "\n", encoding="utf-8")
    assert run_kg("build", "base.jsonl", "--out", "out", cwd=tmp_path).returncode == 0
    committed = {0}
    for i in range(1, rounds + 1):
        (tmp_path / f"r{i}.jsonl").write_text(_article(i) + "\n", encoding="utf-8")
        args = (
            ["build", "base.jsonl", f"r{i}.jsonl"] if command == "build" else ["add", f"r{i}.jsonl"]
        )
        proc = subprocess.Popen(
            [*kg_executable(), *args, "--out", "out"], cwd=tmp_path, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.5, 4.0))
        proc.send_signal(signal.SIGKILL)
        finished = proc.wait() == 0
        found = _markers(out)
        assert found["graph.ttl"] == found["graph.html"] == found["extractions.jsonl"], (
            f"round {i}: {found}"
        )
        new = {0, i} if command == "build" else committed | {i}
        assert found["graph.ttl"] in (committed, new)  # the previous set or this run's, whole
        if finished:
            assert found["graph.ttl"] == new
        committed = found["graph.ttl"]
    assert (
        run_kg(
            *(["build", "base.jsonl"] if command == "build" else ["add", "base.jsonl"]),
            "--out",
            "out",
            cwd=tmp_path,
        ).returncode
        == 0
    )
    assert _leftovers(out) == []


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize("command", ["build", "add"])
def test_kill9_real_runs_keep_one_consistent_set(tmp_path, command):
    _kill_runs(tmp_path, command, rounds=6, seed=3 if command == "build" else 4)


@pytest.mark.slow
@needs_model
def test_concurrent_adds_lose_no_document(tmp_path):
    (tmp_path / "base.jsonl").write_text(_article(0) + "\n", encoding="utf-8")
    assert run_kg("build", "base.jsonl", "--out", "out", cwd=tmp_path).returncode == 0
    procs = []
    for i in (1, 2, 3):
        (tmp_path / f"r{i}.jsonl").write_text(_article(i) + "\n", encoding="utf-8")
        procs.append(
            subprocess.Popen(
                [*kg_executable(), "add", f"r{i}.jsonl", "--out", "out"],
                cwd=tmp_path,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert any("waiting for another kg run on out" in e for e in errors)
    found = _markers(tmp_path / "out")
    assert found["graph.ttl"] == found["extractions.jsonl"] == found["graph.html"] == {0, 1, 2, 3}


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-big write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.slow
@needs_model
def test_disk_full_while_writing_the_page_leaves_the_previous_set(tmp_path):
    (tmp_path / "base.jsonl").write_text(_article(0) + "\n", encoding="utf-8")
    assert run_kg("build", "base.jsonl", "--out", "out", cwd=tmp_path).returncode == 0
    out = tmp_path / "out"
    before = {name: (out / name).read_bytes() for name in OUTPUT_NAMES}
    ttl, page = len(before["graph.ttl"]), len(before["graph.html"])
    assert ttl * 3 < page  # the limit lets graph.ttl through and stops graph.html
    (tmp_path / "r1.jsonl").write_text(_article(1) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [*kg_executable(), "add", "r1.jsonl", "--out", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size(ttl * 3),
        timeout=300,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert (
        proc.stderr.startswith("error: cannot write to out")
        and len(proc.stderr.strip().splitlines()) == 1
    )
    assert {name: (out / name).read_bytes() for name in OUTPUT_NAMES} == before
    assert _leftovers(out) == []


def test_without_symbolic_links_outputs_are_still_written_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"

    def no_symlinks(*a, **k):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    with locked(out), pytest.warns(UserWarning, match="no symbolic links"):
        commit(out, {n: _writer(f"one {n}") for n in OUTPUT_NAMES})
    with locked(out), pytest.warns(UserWarning):
        commit(out, {n: _writer(f"two {n}") for n in OUTPUT_NAMES})
    assert {n: (out / n).read_text() for n in OUTPUT_NAMES} == {n: f"two {n}" for n in OUTPUT_NAMES}
    assert not any((out / n).is_symlink() for n in OUTPUT_NAMES)
    assert current_dir(out) == out and _leftovers(out) == []


def test_cleanup_leaves_the_users_own_files_alone(tmp_path):
    out = tmp_path
    (out / ".notes.abcdefgh.tmp").write_text("the user's", encoding="utf-8")
    (out / ".graph.ttl.abcdefgh.tmp").write_text("kg's", encoding="utf-8")
    with locked(out):
        pass
    assert (out / ".notes.abcdefgh.tmp").exists()
    assert not (out / ".graph.ttl.abcdefgh.tmp").exists()


def test_joiners_stay_where_they_join_and_go_where_they_hide():
    from kg.model import strip_invisible

    assert strip_invisible("Ac\u200dme") == "Acme"
    assert strip_invisible("\u200cAcme\u200c") == "Acme"
    assert (
        strip_invisible("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")
        == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )
    assert strip_invisible("👩\u200d💻") == "👩\u200d💻"
