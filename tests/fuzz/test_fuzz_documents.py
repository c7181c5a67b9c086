"""Property tests: schema-valid but odd documents, and mutated files, end only in named errors.

Each generated document goes load -> validate -> save -> load -> info -> one
training epoch headless (``nnstudio train``) -> export; the studio half is in
test_fuzz_studio.py. A *named* error is a ProjectFileError, a CsvError or a
dataset ValueError with a message, or the CLI's one-line exit 2; anything
else (TypeError, KeyError, a traceback, the CLI's "please report" line) fails.

Fast in CI (a few hundred examples in total); ``NNSTUDIO_FUZZ=nightly`` runs
25x as many. ``-s`` prints how many documents went how far.
"""

from __future__ import annotations

import collections
import io
import json
import random
from contextlib import redirect_stderr, redirect_stdout

import pytest
from fuzz_strategies import documents, examples
from hypothesis import given, settings
from hypothesis import strategies as st

from nnstudio import cli
from nnstudio.data.errors import CsvError
from nnstudio.headless import info_text
from nnstudio.project import ProjectFileError, dumps, load_project, loads, save_project, validate
from nnstudio.project.build import load_dataset
from nnstudio.project.schema import check

OUTCOMES: collections.Counter = collections.Counter()


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if OUTCOMES:
        print("\nfuzz outcomes:", dict(sorted(OUTCOMES.items())))


def _cli(*argv) -> tuple[int, str]:
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        code = cli.main([str(a) for a in argv])
    return code, err.getvalue()


def _named_cli(code: int, err: str) -> None:
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "please report" not in err, err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err


def _dataset(project):
    try:
        return load_dataset(project)
    except (CsvError, ValueError) as exc:  # named: the data's own message
        assert str(exc)
        return None


@settings(**examples(150))
@given(documents())
def test_schema_documents_go_all_the_way_or_stop_with_a_named_error(tmp_path_factory, doc):
    check(doc)  # the strategy draws documents of the published schema
    try:
        project = loads(json.dumps(doc))
    except ProjectFileError as exc:
        assert str(exc)
        OUTCOMES["refused at load (named)"] += 1
        return
    dataset = _dataset(project)
    problems = validate(project, dataset)
    assert all(p.message for p in problems)
    for _ in range(6):  # press every error's Fix, as a user would, so more documents reach training
        fixable = [p for p in problems if p.is_error and p.fix is not None and p.fix.edits]
        if not fixable:
            break
        project.apply_all(fixable[0].fix.edits)
        problems = validate(project, dataset)
    folder = tmp_path_factory.mktemp("doc")
    path = folder / "p.nnstudio"
    save_project(project, path)
    again = load_project(path)
    assert dumps(again) == dumps(project)
    assert info_text(again, dataset, None if dataset is not None else "x")
    code, err = _cli("info", path)
    _named_cli(code, err)
    code, err = _cli("train", path, "--epochs", "1", "--quiet")
    _named_cli(code, err)
    OUTCOMES["trained" if code in (0, 1) else "refused by validator/data (named)"] += 1
    if code in (0, 1):
        trained = load_project(path)
        assert trained.state is not None and trained.state["epochs_trained"] >= 1
        assert dumps(load_project(path)) == dumps(trained)
    code, err = _cli("export", path, "--format", "keras", "-o", folder / "m.py")
    _named_cli(code, err)


def _mutate(text: str, seed: int, n: int) -> str:
    rnd = random.Random(seed)
    chars = list(text)
    for _ in range(n):
        op = rnd.randrange(4)
        i = rnd.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(i, len(chars) - 1)]
        elif op == 1:
            chars.insert(i, rnd.choice('{}[]",:0123456789.-eE truefalsn\\u\ud800'))
        elif op == 2 and chars:
            chars[min(i, len(chars) - 1)] = rnd.choice("0\"]}9e-")
        else:
            j = rnd.randrange(len(chars) + 1)
            chars[i:i] = chars[j:j + rnd.randrange(1, 40)]
    return "".join(chars)


@settings(**examples(100))
@given(documents(), st.integers(0, 2**32 - 1), st.integers(1, 8))
def test_mutated_files_load_or_are_refused_by_name(tmp_path_factory, doc, seed, n):
    text = _mutate(json.dumps(doc, ensure_ascii=False), seed, n)
    path = tmp_path_factory.mktemp("mut") / "m.nnstudio"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        project = load_project(path)
    except ProjectFileError as exc:
        assert str(exc).startswith("m.nnstudio")
        OUTCOMES["mutated: refused (named)"] += 1
        return
    OUTCOMES["mutated: loaded"] += 1
    validate(project, _dataset(project))
    save_project(project, path)
    assert dumps(load_project(path)) == dumps(project)
    code, err = _cli("info", path)
    _named_cli(code, err)
