"""The headless commands: ``nnstudio train | export | info | replay`` (no Qt).

:func:`run` receives the parsed arguments from :mod:`nnstudio.cli`. Every
error the user can fix (missing or corrupt file, validation problems, an
unwritable output path) is raised as :class:`nnstudio.errors.UserError`, which
the CLI prints as one line on stderr with exit code 2.

``train`` continues from the project's trained state like the GUI does:
the weights are loaded, the epochs are numbered on from ``epochs_trained``
and the new epochs are appended to the history; the result is saved into
the project's state (``weights``, ``history``, ``epochs_trained``,
``iterations``, ``runs``, ``stop_reason``, ``best_epoch``).
"""

from __future__ import annotations

import math
import os
import signal
import sys
import time
from pathlib import Path
from typing import TextIO

import numpy as np

from nnstudio.errors import UserError
from nnstudio.session.progress import BAR_WIDTH, _fmt, progress_line  # noqa: F401 - the CLI's progress line
from nnstudio.session.runs import fmt_time  # noqa: F401 - nnstudio.headless.fmt_time (old import path)

FORMATS = ("keras", "pytorch", "keras-json", "weights", "history", "data")


# -- helpers ------------------------------------------------------------------
def _load(path: str):
    from nnstudio.project import ProjectFileError, load_project

    try:
        return load_project(path)
    except ProjectFileError as exc:
        raise UserError(str(exc)) from None


def _dataset(project):
    from nnstudio.project.build import load_dataset

    try:
        return load_dataset(project)
    except Exception as exc:  # a bad CSV or generator parameter: the user's to fix
        raise UserError(f"the project's dataset cannot be loaded: {exc}") from None


def _check_valid(project, dataset) -> list:
    from nnstudio.project import validate

    problems = validate(project, dataset)
    errors = [p for p in problems if p.is_error]
    if errors:
        text = " ".join(f"({i}) {p.message}" for i, p in enumerate(errors, 1)) if len(errors) > 1 else errors[0].message
        raise UserError(f"the project has {len(errors)} problem(s) to fix first: {text}")
    return [p for p in problems if not p.is_error]


def _check_output(path: Path) -> None:
    if path.exists() and path.is_dir():
        raise UserError(f"{path} is a folder; give a file name for the output")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise UserError(f"cannot write {path}: the folder {parent} is not writable")


def _progress_callback(stream: TextIO, first: int, last: int, quiet: bool):
    """The CLI's progress callback: one :class:`nnstudio.session.progress.Progress` line per epoch."""
    from nnstudio.session.progress import ProgressReporter

    return ProgressReporter(stream, first, last, quiet)


# -- train ------------------------------------------------------------------------
def train(args) -> int:
    """``nnstudio train PROJECT [--epochs N] [--out PATH] [--quiet]``."""
    from nnstudio.engine import EngineError
    from nnstudio.project import save_project

    project = _load(args.project)
    out = Path(args.out) if args.out else Path(args.project)
    _check_output(out)
    dataset = _dataset(project)
    warnings = _check_valid(project, dataset)
    quiet = bool(getattr(args, "quiet", False))
    if not quiet:
        for w in warnings:
            print(f"warning: {w.message}", file=sys.stderr)
    epochs = project.training.get("epochs", 1) if args.epochs is None else args.epochs
    if not isinstance(epochs, int) or epochs < 1:
        raise UserError(f"--epochs must be at least 1, not {epochs}")
    from nnstudio.session import TrainingRun

    try:
        run = TrainingRun(project, dataset, epochs=epochs)
    except ValueError as exc:
        raise UserError(f"the network cannot be built for this data: {exc}") from None
    model = run.model
    first = run.initial_epoch
    progress = _progress_callback(sys.stderr, first, run.epochs, quiet)

    def _interrupt(signum, frame):  # first Ctrl-C: stop after this batch and save
        model.stop_training = True
        model.stop_reason = "user"
        signal.signal(signal.SIGINT, previous)

    previous = signal.getsignal(signal.SIGINT)
    in_main = _is_main_thread()
    if in_main:
        signal.signal(signal.SIGINT, _interrupt)
    try:
        run.fit([progress])
    except (ValueError, EngineError) as exc:  # engine errors on this data (labels, shapes) name the problem
        raise UserError(f"training failed: {exc}") from None
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
        progress.finish()
    outcome = run.outcome()
    state = outcome.state()
    history = state["history"]
    trained = outcome.epochs_done
    project.apply(("set_state", state))
    try:
        save_project(project, out, timeline=getattr(args, "timeline", "auto") or "auto")
    except OSError as exc:
        raise UserError(f"cannot save {out}: {exc.strerror or exc}") from None
    if not quiet:
        last = {k: v[-1] for k, v in history.items() if v}
        summary = ", ".join(f"{k} {_fmt(v)}" for k, v in last.items())
        print(f"trained {trained} epoch(s) (total {first + trained}); {summary}; saved {out}", file=sys.stderr)
    if model.stop_reason == "diverged":
        ep, batch = getattr(model, "diverged_at", None) or (first + trained - 1, 0)
        why = getattr(model, "divergence", None)
        what = (f"the loss exploded to {why['loss']:.3g}, far above the {why['start']:.3g} it started from,"
                if why else "the loss became NaN or infinite")
        saved = "the weights were saved" if why else "the last finite weights were saved"
        print(f"nnstudio train: training diverged: {what} at epoch {ep + 1}, "
              f"batch {batch + 1}; {saved}. Try a smaller learning rate.",
              file=sys.stderr)
        return 1
    return 0


def _is_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


# -- export -------------------------------------------------------------------------
def export(args) -> int:
    """``nnstudio export PROJECT --format F -o PATH``."""
    from nnstudio import export as ex

    project = _load(args.project)
    out = Path(args.output)
    _check_output(out)
    fmt = ex.FORMAT_ALIASES.get(args.format, args.format)
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        if fmt == "weights":
            weights = (project.trained or {}).get("weights")
            if not weights:
                raise UserError("the project has no trained weights yet; train it first (nnstudio train PROJECT)")
            written = [ex.save_weights(weights, out)]
        elif fmt == "history":
            history = (project.trained or {}).get("history")
            if not history:
                raise UserError("the project has no training history yet; train it first (nnstudio train PROJECT)")
            written = [ex.save_history(history, out)]
        elif fmt == "data":
            written = [ex.save_data(project, _dataset(project), out)]
        else:
            dataset = _dataset(project)
            _check_valid(project, dataset)
            order = getattr(args, "batch_order", "nnstudio") != "framework"
            written = ex.export_network(fmt, project, out, dataset, nnstudio_order=order)
    except ex.ExportError as exc:
        raise UserError(f"cannot export as {fmt}: {exc}") from None
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    print("wrote " + ", ".join(str(p) for p in written), file=sys.stderr)
    return 0


# -- info ------------------------------------------------------------------------------
def summary_rows(project, n_features: int | None) -> list[tuple[str, str, str, str, str]]:
    """(#, layer, activation, output shape, params) per layer, Keras' summary style."""
    from nnstudio.project.layer_kinds import LAYER_KINDS, walk

    rows = []
    for i, (spec, width, params) in enumerate(walk(project.layers, n_features)):
        label = spec.type + (f" '{spec.name}'" if spec.name else "")
        kind = LAYER_KINDS.get(spec.type)
        act = kind.caption(spec.params) if kind is not None else ""
        rows.append((str(i), label, act, f"(None, {width if width is not None else '?'})", str(params)))
    return rows


def info_text(project, dataset=None, dataset_error: str | None = None) -> str:
    """The text ``nnstudio info`` prints: summary table, dataset, training settings, state."""
    n = dataset.n_features if dataset is not None else None
    rows = [("#", "Layer", "Activation", "Output shape", "Params")] + summary_rows(project, n)
    widths = [max(len(r[c]) for r in rows) for c in range(5)]
    line = "  ".join("-" * w for w in widths)
    out = [f"Project: {project.name}", "", line]
    for k, r in enumerate(rows):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
        if k == 0:
            out.append(line)
    out.append(line)
    total = sum(int(r[4]) for r in rows[1:])
    out += [f"Total params: {total}", ""]
    d = project.dataset
    if dataset is not None:
        kind = dataset.task + (f", {dataset.n_classes} classes" if dataset.task != "regression" else "")
        out.append(f"Dataset: {d.get('name') if d.get('source') == 'builtin' else 'CSV'} - {dataset.n_samples} "
                   f"samples, {dataset.n_features} features, {kind}")
    else:
        out.append(f"Dataset: cannot be loaded ({dataset_error})")
    out.append(f"  split seed {d.get('split_seed')}, standardize {d.get('standardize')}, one-hot {d.get('one_hot')}")
    feats = project.layers[0].params.get("features") if project.layers and project.layers[0].type == "Input" else None
    if feats is not None:
        out.append(f"  input features: {', '.join(map(str, feats))} (derived from the raw columns, then standardised)")
    t = project.training
    out.append("")
    out.append(f"Training: loss {t['loss']}, optimizer {t['optimizer']} (learning rate {t['learning_rate']}), "
               f"batch size {t['batch_size']}, epochs {t['epochs']}, validation split {t['validation_split']}")
    es = t.get("early_stopping") or {}
    if es.get("enabled"):
        out.append(f"  early stopping on {es.get('monitor')}, patience {es.get('patience')}")
    st = project.trained
    if st:
        loss = (st.get("history") or {}).get("loss") or []
        last = f", last loss {_fmt(loss[-1])}" if loss else ""
        out.append(f"State: trained {st.get('epochs_trained', 0)} epoch(s), {st.get('iterations', 0)} iterations{last}")
    else:
        out.append("State: not trained")
    from nnstudio.project import validate

    for p in validate(project, dataset):
        out.append(f"{p.severity}: {p.message}")
    return "\n".join(out) + "\n"


def info(args) -> int:
    """``nnstudio info PROJECT``."""
    project = _load(args.project)
    try:
        from nnstudio.project.build import load_dataset

        dataset, err = load_dataset(project), None
    except Exception as exc:  # shown, not fatal
        dataset, err = None, str(exc)
    sys.stdout.write(info_text(project, dataset, err))
    return 0


def replay(args) -> int:
    """``nnstudio replay PROJECT --out DIR [--gif F] [--size PX] [--every K] [--epochs N]``."""
    from nnstudio.export.replay import MAX_SIZE, MIN_SIZE, ReplayRenderer, replay_epochs, save_replay
    from nnstudio.project.build import prepare_data
    from nnstudio.session import TrainedState, TrainingRun

    quiet = bool(getattr(args, "quiet", False))
    if not MIN_SIZE <= args.size <= MAX_SIZE:
        raise UserError(f"--size must be between {MIN_SIZE} and {MAX_SIZE} pixels, not {args.size}")
    if args.every < 1:
        raise UserError(f"--every must be at least 1, not {args.every}")
    if args.epochs is not None and args.epochs < 1:
        raise UserError(f"--epochs must be at least 1, not {args.epochs}")
    if not (args.fps > 0 and math.isfinite(args.fps)):
        raise UserError(f"--fps must be a positive number, not {args.fps}")
    project = _load(args.project)
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file; --out needs a folder for the pictures")
    parent = folder.parent if str(folder.parent) else Path(".")
    if not folder.exists() and not parent.is_dir():
        raise UserError(f"cannot create {folder}: the folder {parent} does not exist")
    gif = Path(args.gif) if args.gif else None
    if gif is not None:
        _check_output(gif)
    dataset = _dataset(project)
    _check_valid(project, dataset)
    prepared = prepare_data(project, dataset)
    try:
        renderer = ReplayRenderer(project, prepared, args.size)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    try:
        timeline = TrainedState.from_state(project.trained).timeline if project.trained else None
    except ValueError:
        timeline = None
    source = "the project's saved timeline"
    if timeline is None or len(timeline) < 2:
        trained = int((project.trained or {}).get("epochs_trained") or 0)
        epochs = args.epochs or trained or int(project.training.get("epochs", 1))
        project.trained = None  # start from the seed's initial weights, like a fresh run
        try:
            run = TrainingRun(project, dataset, prepared=prepared, epochs=epochs, start=TrainedState())
        except ValueError as exc:
            raise UserError(f"the network cannot be built for this data: {exc}") from None
        if not quiet:
            print(f"no saved timeline: training {epochs} epoch(s) from the project's seed", file=sys.stderr)
        progress = _progress_callback(sys.stderr, 0, run.epochs, quiet)
        run.fit([progress])
        progress.finish()
        timeline = run.timeline
        source = f"{epochs} epoch(s) trained from the seed"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {folder}: {exc.strerror or exc}") from None
    drawn = replay_epochs(timeline, args.every)
    try:
        written, gif_path = save_replay(renderer, timeline, folder, every=args.every, gif=gif,
                                        delay_ms=int(round(1000 / args.fps)))
    except OSError as exc:
        raise UserError(f"cannot write the pictures: {exc.strerror or exc}") from None
    if not quiet:
        extra = f" and {gif_path}" if gif_path is not None else ""
        print(f"wrote {len(written)} picture(s) of epochs {drawn[0]}..{drawn[-1]} ({source}) to {folder}{extra}",
              file=sys.stderr)
    return 0


def run(args) -> int:
    """Dispatch a parsed headless command (``args.command``)."""
    handlers = {"train": train, "export": export, "info": info, "replay": replay}
    if args.command not in handlers:
        raise UserError(f"unknown command {args.command!r}")
    return handlers[args.command](args)
