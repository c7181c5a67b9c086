"""Command line entry point: ``nnstudio`` (GUI) and its headless commands.

    nnstudio [PROJECT]                      open the studio (optionally a project)
    nnstudio --self-test SHOT.png           start, train a few epochs, screenshot, exit 0/1
    nnstudio train PROJECT [--epochs N] [--out TRAINED]
    nnstudio export PROJECT --format F -o PATH
    nnstudio info PROJECT
    nnstudio replay PROJECT --out DIR [--gif FILE.gif] [--size PX] [--every K] [--epochs N]

User errors are printed as one line on stderr with a non-zero exit code,
never as a traceback.
"""

from __future__ import annotations

import argparse
import sys

from nnstudio import __version__
from nnstudio.errors import UserError  # noqa: F401  (re-exported: nnstudio.cli.UserError)

DESCRIPTION = (
    "nnstudio - a desktop studio to build, train and see small neural networks. "
    "Drag layers onto a canvas, pick activations, losses and initializers, "
    "press Train and watch the loss fall and the neurons light up."
)

EXIT_USER_ERROR = 2


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nnstudio",
        description=DESCRIPTION,
        epilog=(
            "Headless commands: 'nnstudio train PROJECT', 'nnstudio export PROJECT "
            "--format keras|pytorch|keras-json|weights|history -o PATH', "
            "'nnstudio info PROJECT', 'nnstudio replay PROJECT --out DIR' (see 'nnstudio COMMAND --help')."
        ),
    )
    p.add_argument("--version", action="version", version=f"nnstudio {__version__}")
    p.add_argument("project", nargs="?", help="a .nnstudio project file to open")
    p.add_argument(
        "--self-test",
        metavar="PATH.png",
        help=(
            "start the real main window, load a sample project, train a few epochs "
            "through the normal worker, save a screenshot to PATH.png and exit "
            "0 only if all of that worked"
        ),
    )
    p.add_argument("--lang", choices=["en", "ko"], help="user interface language for this run")
    return p


def _headless_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nnstudio", description=DESCRIPTION)
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train a project without the GUI and save weights + history")
    t.add_argument("project", help="the .nnstudio project file")
    t.add_argument("--epochs", type=int, help="epochs to train (default: the project's)")
    t.add_argument("--out", help="where to save the trained project (default: overwrite PROJECT)")
    t.add_argument("--quiet", action="store_true", help="no progress bar")
    t.add_argument("--timeline", choices=["auto", "always", "never"], default="auto",
                   help=("save the per-epoch snapshots (the rewind timeline) in the project: 'auto' (default) "
                         "when they add at most 4 MiB, 'always', or 'never'"))
    e = sub.add_parser("export", help="export a project as code, Keras JSON, weights or history")
    e.add_argument("project", help="the .nnstudio project file")
    e.add_argument(
        "--format",
        required=True,
        choices=["keras", "pytorch", "torch", "keras-json", "weights", "history", "data"],
        help="what to write ('torch' is another name for 'pytorch')",
    )
    e.add_argument("-o", "--output", required=True, help="output path")
    e.add_argument(
        "--batch-order",
        choices=["nnstudio", "framework"],
        default="nnstudio",
        help=("scripts only: 'nnstudio' (default) feeds the batches in nnstudio's order, drawn from its "
              "seeded generator, so the script's loss curve follows nnstudio's; 'framework' uses Keras' "
              "or PyTorch's own shuffling"),
    )
    i = sub.add_parser("info", help="print the network's summary table")
    i.add_argument("project", help="the .nnstudio project file")
    r = sub.add_parser("replay", help="draw the decision map at each epoch as PNGs (and an animated GIF)",
                       description=("Write one PNG of the decision map per recorded epoch (from the timeline "
                                    "saved in the project, or by training headless from the project's seed "
                                    "when it has none) into DIR, and optionally an animated GIF. The dataset "
                                    "needs 1 input feature (the model's curve is drawn) or 2 (the decision "
                                    "map over the input plane)."))
    r.add_argument("project", help="the .nnstudio project file")
    r.add_argument("--out", required=True, help="folder for epoch_NNNNN.png (created if missing)")
    r.add_argument("--gif", help="also write an animated GIF here")
    r.add_argument("--size", type=int, default=240, help="picture size in pixels (64-1024, default 240)")
    r.add_argument("--every", type=int, default=1, help="draw every K-th recorded epoch (the last always)")
    r.add_argument("--epochs", type=int,
                   help=("epochs to train when the project has no saved timeline (default: as many as it was "
                         "trained, else its training setting)"))
    r.add_argument("--fps", type=float, default=10.0, help="GIF frames per second (default 10)")
    r.add_argument("--quiet", action="store_true", help="no progress or summary")
    return p


HEADLESS = {"train", "export", "info", "replay"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in HEADLESS:
        args = _headless_parser().parse_args(argv)
        from nnstudio import headless

        try:
            return int(headless.run(args) or 0)
        except UserError as exc:
            print(f"nnstudio {args.command}: error: {exc}", file=sys.stderr)
            return EXIT_USER_ERROR
        except KeyboardInterrupt:
            print(f"nnstudio {args.command}: interrupted", file=sys.stderr)
            return 130
        except (RecursionError, MemoryError) as exc:
            print(f"nnstudio {args.command}: error: the project is too large or too deeply nested "
                  f"to process ({type(exc).__name__})", file=sys.stderr)
            return EXIT_USER_ERROR
        except Exception as exc:  # noqa: BLE001 - never a traceback for what a file holds
            text = " ".join(str(exc).split())[:300] or type(exc).__name__
            print(f"nnstudio {args.command}: error: {text} ({type(exc).__name__}; please report "
                  "this with the project file)", file=sys.stderr)
            return EXIT_USER_ERROR
    args = _gui_parser().parse_args(argv)
    from nnstudio.qtcheck import startup_problem

    problem = startup_problem()  # a missing xcb library: one line instead of Qt's abort
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USER_ERROR
    from nnstudio.ui.app import run_gui

    return int(run_gui(project=args.project, self_test=args.self_test, lang=args.lang) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
