"""A build that survives its users (issue 10.5), with real build processes: two builds at once, kills at every
moment of the publication, symbolic links in the sources, an unwritable output, injected versions."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts import inputs, version
from scripts.errors import BuildError
from scripts.paths import ROOT

BASE = Path(__file__).parent / "shapes" / "base.ttl"


def command(instances: Path, dist: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "scripts.build", "--instances", str(instances), "--dist", str(dist),
            "--links", str(instances.parent / "no-links"), *extra]


def run(instances: Path, dist: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(instances, dist, *extra), cwd=ROOT, env=dict(os.environ, **(env or {})),
                          capture_output=True, text=True, timeout=600)


def publication(dist: Path) -> str:
    """The version of the complete publication in `dist`; fails unless every file SHA256SUMS lists is there
    with its checksum, and the site (written last) is there too."""
    sums = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(sums) >= 12
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name
    assert (dist / "site" / "index.html").is_file() and (dist / "site" / "ontology.html").is_file()
    versions = set(re.findall(r'dcat:version "([^"]+)"', (dist / "void.ttl").read_text(encoding="utf-8")))
    assert len(versions) == 1, versions
    [found] = versions
    assert f"ontology/{found}>" in (dist / "ontology" / "ngo-fp-ontology.ttl").read_text(encoding="utf-8")
    return found


def no_leftovers(dist: Path) -> None:
    assert not dist.with_name("dist.tmp").exists()
    assert not dist.with_name("dist.old").exists()


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete publication of tests/shapes/base.ttl, version 1.1.1, built once by a real build."""
    folder = tmp_path_factory.mktemp("previous")
    instances = folder / "instances"
    instances.mkdir()
    shutil.copy(BASE, instances / "base.ttl")
    result = run(instances, folder / "dist", "--version", "1.1.1")
    assert result.returncode == 0, result.stderr
    assert publication(folder / "dist") == "1.1.1"
    return folder / "dist"


@pytest.fixture
def project(tmp_path: Path, previous: Path) -> tuple[Path, Path]:
    """Valid instances, and dist/ holding the previous publication (1.1.1)."""
    instances = tmp_path / "instances"
    instances.mkdir()
    shutil.copy(BASE, instances / "base.ttl")
    shutil.copytree(previous, tmp_path / "dist")
    return instances, tmp_path / "dist"


def test_two_builds_at_once_publish_one_whole_version(project: tuple[Path, Path]) -> None:
    instances, dist = project
    first = subprocess.Popen(command(instances, dist, "--version", "2.2.2"), cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = subprocess.Popen(command(instances, dist, "--version", "3.3.3"), cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outs = [p.communicate(timeout=600) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outs
    # one of them saw the other and waited for it
    assert sum("waiting for another build" in out for out, _ in outs) == 1
    # the last one to publish wins, whole: every file of one version, none of the other
    assert publication(dist) in {"2.2.2", "3.3.3"}
    no_leftovers(dist)


# Where a build is killed (SIGKILL, sent by the build to itself at that named moment, see scripts/publish/atomic.py),
# the two-rename fallback or the atomic exchange, and which publication dist/ must hold after the next build.
KILLS = [
    ("staged", "0", "1.1.1"),  # the new publication is complete beside dist/, nothing swapped yet
    ("exchanged", "0", "2.2.2"),  # swapped in; the previous one not yet removed
    ("between-renames", "1", "1.1.1"),  # dist/ renamed to dist.old, dist.tmp not yet renamed: no dist/ at all
    ("renamed", "1", "2.2.2"),  # dist.tmp renamed to dist/, dist.old not yet removed
]


@pytest.mark.parametrize(("moment", "no_exchange", "expected"), KILLS, ids=[k[0] for k in KILLS])
def test_kill_during_publish_leaves_a_whole_publication(project: tuple[Path, Path], moment: str, no_exchange: str,
                                                          expected: str) -> None:
    assert len(KILLS) == 4
    instances, dist = project
    killed = run(instances, dist, "--version", "2.2.2", env={"NGO_FP_KILL_AT": moment, "NGO_FP_NO_EXCHANGE": no_exchange})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if dist.exists():
        assert publication(dist) == expected
    else:
        assert moment == "between-renames" and publication(dist.with_name("dist.old")) == "1.1.1"
    # the next build fails (a syntax error), yet first puts back or cleans up what the killed one left
    (instances / "broken.ttl").write_text("this is not turtle\n")
    failed = run(instances, dist, "--version", "4.4.4")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "broken.ttl:1: syntax error" in failed.stderr
    assert "waiting for another build" not in failed.stdout  # the killed build's lock died with it
    assert publication(dist) == expected
    no_leftovers(dist)


def test_only_a_builds_own_folders_are_removed_or_put_back(project: tuple[Path, Path]) -> None:
    """A killed build's half-written staging folder (recorded in the lock file) goes; a folder of someone else's
    named dist.tmp or dist.old is neither deleted (it was, silently) nor put back as the publication (it was, when
    dist/ was missing, and every build after failed)."""
    instances, dist = project
    killed = run(instances, dist, "--version", "2.2.2", env={"NGO_FP_KILL_AT": "begun"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (dist.with_name("dist.tmp") / "half-written.ttl").write_text("x")  # as a build killed while writing leaves it
    done = run(instances, dist, "--version", "3.3.3")
    assert done.returncode == 0, done.stderr
    assert publication(dist) == "3.3.3"
    no_leftovers(dist)
    for name, without_dist in (("dist.tmp", False), ("dist.old", False), ("dist.old", True)):
        if without_dist:
            dist.rename(dist.with_name("kept"))
        other = dist.with_name(name)
        other.mkdir()
        (other / "notes.txt").write_text("mine")
        refused = run(instances, dist, "--version", "4.4.4")
        assert refused.returncode == 1 and f"{name}: is in the way of the build" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr and (other / "notes.txt").read_text() == "mine"
        assert not dist.exists() if without_dist else publication(dist) == "3.3.3"
        shutil.rmtree(other)


def signal_while_publishing(instances: Path, dist: Path, delay: float, sig: signal.Signals,
                            stderr: int = subprocess.DEVNULL) -> subprocess.Popen[str]:
    """A build of version 2.2.2, sent `sig` `delay` seconds into its publish step."""
    proc = subprocess.Popen(command(instances, dist, "--version", "2.2.2"), cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=stderr)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("- publish"):
            break
    time.sleep(delay)
    proc.send_signal(sig)
    return proc


LEFT = "terminated; {}/ left unchanged"
NEW = "terminated; {}/ holds the new publication (it was in place when the signal came)"


def test_sigterm_stops_a_build_as_ctrl_c_does(project: tuple[Path, Path], previous: Path) -> None:
    """SIGTERM ended the build at once (exit -15, dist.tmp left behind): now it stops as Ctrl-C does, one
    line, exit 143, nothing left over, whenever in the publish step it comes (one that came during a fork was
    dropped: the build went on); the line says which publication dist/ holds, and it does. At once, it is the
    old one; later, once the publication is swapped in (the small test project publishes in a fraction of a
    second), the new one, as the line says (it said "left unchanged" over the new publication)."""
    instances, dist = project
    for delay in (0.0, 0.05, 0.2):
        proc = signal_while_publishing(instances, dist, delay, signal.SIGTERM, subprocess.PIPE)
        assert proc.stderr is not None
        proc.wait(timeout=60)
        err = proc.stderr.read()
        assert proc.returncode == 143, (delay, proc.returncode, err)
        now = publication(dist)
        assert err.strip().splitlines() == [(LEFT if now == "1.1.1" else NEW).format(dist)], (delay, now, err)
        assert now == "1.1.1" or delay > 0
        no_leftovers(dist)
        if now != "1.1.1":
            shutil.rmtree(dist)
            shutil.copytree(previous, dist)


@pytest.mark.parametrize(("moment", "no_exchange"), [("exchanged", "0"), ("between-renames", "1")])
def test_sigterm_during_the_swap_is_held_until_it_is_done(project: tuple[Path, Path], moment: str,
                                                          no_exchange: str) -> None:
    """A SIGTERM in the middle of the swap (sent by the build to itself there) waits for the swap and the removal
    of the previous publication: the new publication is whole, nothing is left over, and the line says so."""
    instances, dist = project
    stopped = run(instances, dist, "--version", "2.2.2",
                  env={"NGO_FP_KILL_AT": moment, "NGO_FP_KILL_SIGNAL": "TERM", "NGO_FP_NO_EXCHANGE": no_exchange})
    assert stopped.returncode == 143, stopped.stderr
    assert stopped.stderr.strip().splitlines() == [NEW.format(dist)]
    assert publication(dist) == "2.2.2"
    no_leftovers(dist)


def test_sigterm_before_the_swap_leaves_the_old_publication(project: tuple[Path, Path]) -> None:
    instances, dist = project
    stopped = run(instances, dist, "--version", "2.2.2", env={"NGO_FP_KILL_AT": "staged", "NGO_FP_KILL_SIGNAL": "TERM"})
    assert stopped.returncode == 143, stopped.stderr
    assert stopped.stderr.strip().splitlines() == [LEFT.format(dist)]
    assert publication(dist) == "1.1.1"
    no_leftovers(dist)


def test_kill_at_any_moment_of_a_real_build(project: tuple[Path, Path]) -> None:
    """Kill a build from outside at moments spread over its publish step: dist/ is always a whole publication,
    the old or the new, and the next build starts from it."""
    instances, dist = project
    delays = [0.0, 1.5, 4.0]
    for delay in delays:
        proc = signal_while_publishing(instances, dist, delay, signal.SIGKILL)
        proc.wait(timeout=60)
        assert (dist.exists() and publication(dist) in {"1.1.1", "2.2.2"}) or publication(dist.with_name("dist.old")) == "1.1.1"
    final = run(instances, dist, "--version", "2.2.2")
    assert final.returncode == 0, final.stderr
    assert publication(dist) == "2.2.2"
    no_leftovers(dist)
    assert len(delays) == 3


def test_symbolic_link_in_instances_is_refused(project: tuple[Path, Path], tmp_path: Path) -> None:
    instances, dist = project
    outside = tmp_path / "outside.ttl"
    outside.write_text((instances / "base.ttl").read_text())
    (instances / "linked.ttl").symlink_to(outside)
    result = run(instances, dist)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {instances / 'linked.ttl'}: is a symbolic link (to {outside})" in result.stderr
    assert publication(dist) == "1.1.1"


def test_symbolic_link_in_links_is_refused(project: tuple[Path, Path], tmp_path: Path) -> None:
    instances, dist = project
    links = tmp_path / "links"
    links.mkdir()
    (links / "wikidata.csv").symlink_to("/etc/passwd")
    result = subprocess.run(command(instances, dist)[:-2] + ["--links", str(links)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"error: {links / 'wikidata.csv'}: is a symbolic link (to /etc/passwd)" in result.stderr
    assert publication(dist) == "1.1.1"


def test_fifo_and_linked_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    os.mkfifo(tmp_path / "a" / "pipe.ttl")
    with pytest.raises(BuildError, match="is not a regular file"):
        inputs.check_regular([tmp_path / "a"])
    (tmp_path / "b").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(BuildError, match="b: is a symbolic link"):
        inputs.check_regular([tmp_path / "b"])
    (tmp_path / "c" / "sub").mkdir(parents=True)
    (tmp_path / "c" / "sub" / "deep.ttl").symlink_to("/etc/hostname")
    with pytest.raises(BuildError, match="deep.ttl: is a symbolic link"):
        inputs.check_regular([tmp_path / "c"])


def test_the_plover_folder_and_version_file_are_checked_as_sources(tmp_path: Path) -> None:
    """examples/plover-gsr is read and published too: a FIFO there hung the build (holding its lock), a symbolic
    link published its target; a FIFO as the VERSION file hung it too, a link was followed."""
    assert ROOT / "examples" / "plover-gsr" in inputs.FOLDERS
    os.mkfifo(tmp_path / "VERSION")
    with pytest.raises(BuildError, match="VERSION: is not a regular file"):
        version.read(tmp_path / "VERSION")
    (tmp_path / "real").write_text("1.2.3\n")
    (tmp_path / "LINKED").symlink_to(tmp_path / "real")
    with pytest.raises(BuildError, match="LINKED: is a symbolic link"):
        version.read(tmp_path / "LINKED")
    assert version.read(tmp_path / "real") == "1.2.3"


def test_a_file_name_is_never_make_syntax() -> None:
    """`make` lists the build's inputs as prerequisites: a name with `;` and a tab ran the rest as a command, and
    one with `:` broke every target. Such names are left out, and their presence makes the build run (FORCE)."""
    odd = [ROOT / "queries" / "x;touch\tINJECTED-BY-A-NAME", ROOT / "queries" / "notes 10:30.txt"]
    try:
        for path in odd:
            path.write_text("")
        result = subprocess.run(["make", "--no-print-directory", "-n", "dist/SHA256SUMS"], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        helped = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True,
                                timeout=120)
    finally:
        for path in odd:
            path.unlink(missing_ok=True)
    assert result.returncode == 0 and helped.returncode == 0, result.stderr + helped.stderr
    assert "INJECTED" not in result.stdout and "scripts.build" in result.stdout
    assert not (ROOT / "INJECTED-BY-A-NAME").exists()


def test_unwritable_output_is_one_line_before_any_work(project: tuple[Path, Path], tmp_path: Path) -> None:
    instances, _ = project
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    result = run(instances, blocker / "dist")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"error: {blocker}: is not a folder, so the output cannot be written under it"
    assert "Traceback" not in result.stderr
    assert "- parse sources" not in result.stdout


def test_a_folder_that_is_not_a_publication_is_not_replaced(project: tuple[Path, Path], tmp_path: Path) -> None:
    instances, _ = project
    precious = tmp_path / "my-thesis"
    precious.mkdir()
    (precious / "chapter-1.md").write_text("years of work\n")
    result = run(instances, precious)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a previous publication; refusing to replace it" in result.stderr
    assert [p.name for p in precious.iterdir()] == ["chapter-1.md"]


@pytest.mark.parametrize(("text", "ok"), [("1.2.3\n", True), ("0.1.0", True), ("10.20.30\n", True),
                                          ("1.2.\u00b3\n", False), ("1.2.3\n\n", False), (" 1.2.3\n", False),
                                          ("1.02.3\n", False), ("v1.2.3\n", False), ("1.2.3-rc1\n", False), ("", False)])
def test_version_file_is_ascii_major_minor_patch(tmp_path: Path, text: str, ok: bool) -> None:
    path = tmp_path / "VERSION"
    path.write_text(text, encoding="utf-8")
    if ok:
        assert version.read(path) == text.strip()
    else:
        with pytest.raises(BuildError, match=r"VERSION:1: .*MAJOR\.MINOR\.PATCH"):
            version.read(path)


@pytest.mark.parametrize("value", ["1.0.0;touch {mark}", "$(shell touch {mark})", "1.0.0 --dist {mark}",
                                   "1.0.0' ; touch '{mark}", "`touch {mark}`"])
def test_make_release_runs_nothing_it_is_given(tmp_path: Path, value: str) -> None:
    mark = tmp_path / "ran"
    result = subprocess.run(["make", "--no-print-directory", "release", f"VERSION={value.format(mark=mark)}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "is not of the form MAJOR.MINOR.PATCH" in result.stderr
    assert not mark.exists()
    assert not (ROOT / "releases" / value.format(mark=mark)).exists()


@pytest.mark.parametrize("target, variable", [("release", "VERSION"), ("validate", "DATA")])
def test_make_refuses_a_value_of_several_lines(tmp_path: Path, target: str, variable: str) -> None:
    """A newline split the recipe line the value is quoted into: bash's "unexpected EOF" message, and each line
    ran in a shell of its own. Now make says what is wrong, in one line, and runs nothing."""
    mark = tmp_path / "ran"
    result = subprocess.run(["make", "--no-print-directory", target, f"{variable}=1.0.0\ntouch {mark}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 2 and not mark.exists()
    assert result.stderr.splitlines()[0] == f"make {target}: {variable} must be one line", result.stderr
    assert "EOF" not in result.stderr and "Traceback" not in result.stderr


def test_make_rebuilds_when_any_source_changes() -> None:
    """The Makefile's dependencies: dist/SHA256SUMS is remade when a source file, a source folder's list of
    files, the code or VERSION is newer (`make -W` pretends a file changed; `-n` runs nothing)."""
    changed = ["instances/actors.ttl", "instances", "links/wikidata.csv", "ontology/ngo-fp.ttl",
               "shapes/shapes.ttl", "shapes/qc/blank-node-violation.rq", "sources/bulgur-2023.txt",
               "queries/01-works-published-in-2001.rq", "scripts/publish/dumps.py", "VERSION"]
    for name in changed:
        assert (ROOT / name).exists(), name
        dry = subprocess.run(["make", "-n", "-W", name, "dist/SHA256SUMS"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
        assert "-m scripts.build" in dry.stdout, name
    assert len(changed) == 10


def test_the_endpoint_benches_build_the_publication_first() -> None:
    """`make bench`, `make bench-endpoint` and `make bench-load` query the endpoint over dist/: on a fresh clone they
    build it before the bench starts (a `make bench` without dist/ once failed after 40 minutes of validation runs)."""
    for target, script in (("bench", "bench/run.py"), ("bench-endpoint", "bench/run.py --endpoint-only"),
                           ("bench-load", "bench/load.py")):
        dry = subprocess.run(["make", "-n", "-W", "instances/actors.ttl", target], cwd=ROOT, capture_output=True,
                             text=True, timeout=60).stdout
        assert "-m scripts.build" in dry and script in dry, target
        assert dry.index("-m scripts.build") < dry.index(script), target


def test_the_checks_key_leaves_out_the_code_that_only_publishes() -> None:
    """A change to the site's code or the endpoint only rewrites the publication (README): their files are not
    part of the checks' cache key, and the checking code is."""
    from scripts import cache

    names = {part for part in cache.checking_code() if isinstance(part, str)}
    assert any(name.endswith("fastshacl.py") for name in names) and any(name.endswith("load.py") for name in names)
    assert not any(name.startswith(("publish/", "serve/")) for name in names), sorted(names)
    assert all((ROOT / "scripts" / name).exists() for name in cache.PUBLICATION_ONLY - {"__pycache__"})


def test_make_rebuilds_when_a_source_is_put_back_with_an_older_time(tmp_path: Path) -> None:
    """A file restored from a copy with its own, older modification time (`cp -p`, `tar x`, `rsync -t`) is not
    newer than dist/SHA256SUMS, so make kept the publication of the edited file: stale. Its status-change time,
    which no one can set back, is newer: make then runs the build, which decides by content hashes."""
    for name in ("Makefile", "requirements.txt", "requirements-rml.txt", "pyproject.toml", "VERSION"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "instances").mkdir()
    source = tmp_path / "instances" / "a.ttl"
    source.write_text("<https://example.org/a> <https://example.org/p> 1 .\n", encoding="utf-8")
    stamp = hashlib.sha256((tmp_path / "requirements.txt").read_bytes()).hexdigest()[:12]
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / f".installed-{stamp}").touch()
    old = time.time() - 86400
    for path in (*tmp_path.iterdir(), source, tmp_path / ".venv" / f".installed-{stamp}"):
        os.utime(path, (old, old + 1 if path.name.startswith(".installed") else old))
    time.sleep(0.05)
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "SHA256SUMS").touch()  # the build dates it to its start, after every input's change

    def dry() -> str:
        return subprocess.run(["make", "--no-print-directory", "-n", "dist/SHA256SUMS"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=60).stdout

    assert "scripts.build" not in dry()  # nothing changed: nothing to do
    time.sleep(0.05)
    with source.open("r+b") as f:  # put back in place (the folder's list of files unchanged), its old time kept
        f.write(b"<https://example.org/b>")
    os.utime(source, (old, old))
    assert "scripts.build" in dry()


def test_a_full_disk_names_the_output_folder(project: tuple[Path, Path]) -> None:
    """A write that fails for lack of space raises an OSError without a file name (write(), not open()): the
    build said only `error: No space left on device`, naming nothing. It names the output folder it was writing."""
    instances, dist = project
    before = publication(dist)
    code = ("import errno, sys; from scripts import build\n"
            "def full(*_):\n    raise OSError(errno.ENOSPC, 'No space left on device')\n"
            "build.write_coverage = full\nsys.exit(build.main(sys.argv[1:]))\n")
    result = subprocess.run([sys.executable, "-c", code, *command(instances, dist)[3:]], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"error: {dist}: No space left on device" in result.stderr.splitlines(), result.stderr
    assert publication(dist) == before
    no_leftovers(dist)
