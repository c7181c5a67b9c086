"""Image-data plug-in of the main window: the docks that only make sense when
the dataset's rows are pictures (``Dataset.image_shape``, e.g. the digits).

* 'images' — thumbnail grid + the selected sample large (:mod:`nnstudio.ui.data.images`)
* 'draw_pad' — draw a digit, see the class probabilities (:mod:`nnstudio.ui.data.drawpad`)
* 'weight_images' — first-layer weights as images (:mod:`nnstudio.ui.training.weightimages`)
* 'confusion_examples' — the samples of a clicked confusion cell
  (:mod:`nnstudio.ui.training.confusion_examples`)

The docks are shown when an image dataset is chosen and hidden when the
dataset stops being one (a user may still open them from the View menu).
The panels are built the first time they are shown (``install(studio)`` returns an
:class:`ImageViews` mapping, ``window.image_views``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt

#: the image docks in display order
DOCKS = ("images", "draw_pad", "weight_images", "confusion_examples")


def titles() -> dict[str, str]:
    """The docks' titles, translated."""
    return {"images": QCoreApplication.translate("ImageViews", "Images"),
            "draw_pad": QCoreApplication.translate("ImageViews", "Draw a digit"),
            "weight_images": QCoreApplication.translate("ImageViews", "Weight images"),
            "confusion_examples": QCoreApplication.translate("ImageViews", "Confusion examples")}


#: the workspaces each dock belongs to (used when the window has a workspace API)
WORKSPACES = {"images": ("build",), "draw_pad": ("build",), "weight_images": ("inspect",),
              "confusion_examples": ("inspect",)}


def _is_image(state) -> bool:
    return bool(state.dataset is not None and getattr(state.dataset, "image_shape", None))


class ImageViews(Mapping):
    """Dock name -> the image view widget, built on first access (``window.image_views``)."""

    def __init__(self, window) -> None:
        self._window = window

    def __getitem__(self, name: str):
        if name not in DOCKS:
            raise KeyError(name)
        return self._window.panel(name)

    def __iter__(self):
        return iter(DOCKS)

    def __len__(self) -> int:
        return len(DOCKS)


def install(studio) -> ImageViews:
    """Register the image panels (built when first shown); returns the :class:`ImageViews` handle."""
    window, state, controller = studio.window, studio.state, studio.training

    def make(name: str):
        def build():
            if name == "images":
                from nnstudio.ui.data.images import ImagesPanel

                return ImagesPanel(state)
            if name == "draw_pad":
                from nnstudio.ui.data.drawpad import DrawPadPanel

                return DrawPadPanel(state, controller)
            if name == "weight_images":
                from nnstudio.ui.training.weightimages import WeightImagesPanel

                return WeightImagesPanel(controller)
            from nnstudio.ui.training.confusion_examples import ConfusionExamplesPanel

            return ConfusionExamplesPanel(controller)  # fed by show_examples below

        return build

    right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    places = {"images": (right, "activations"), "draw_pad": (right, "images"),
              "weight_images": (bottom, None), "confusion_examples": (right, "confusion")}
    docks = {}
    names = titles()
    for name in DOCKS:
        area, tab = places[name]
        tab = tab if tab in window.docks else None
        docks[name] = studio.add_panel(name, names[name], make(name), area, workspaces=WORKSPACES[name],
                                       tabify_with=tab)

    def follow(initial: bool = False, force: bool = False) -> None:
        now = _is_image(state)
        if not (initial or force) and now == follow.was:
            return
        follow.was = now
        current = studio.workspaces.current
        for name, dock in docks.items():
            # the examples appear when a confusion cell is clicked (see show_examples)
            dock.setVisible(now and name != "confusion_examples"
                            and (current is None or current in WORKSPACES[name]))
        if now and not docks["images"].isHidden():
            docks["images"].raise_()

    follow.was = None

    def show_examples(row: int, col: int) -> None:
        docks["confusion_examples"].show()
        docks["confusion_examples"].raise_()
        window.panel("confusion_examples").show_cell(row, col)

    if "confusion" in window.docks:
        studio.workspaces.when_built(
            "confusion", lambda panel: panel.table.cellClicked.connect(show_examples))
    state.datasetChanged.connect(follow)
    studio.workspaces.changed.connect(lambda _name: follow(force=True))
    follow(initial=True)
    return ImageViews(window)
