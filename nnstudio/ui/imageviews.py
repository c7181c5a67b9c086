"""Image-data plug-in of the main window: the docks that only make sense when
the dataset's rows are pictures (``Dataset.image_shape``, e.g. the digits).

* 'images' — thumbnail grid + the selected sample large (:mod:`nnstudio.ui.data.images`)
* 'draw_pad' — draw a digit, see the class probabilities (:mod:`nnstudio.ui.data.drawpad`)
* 'weight_images' — first-layer weights as images (:mod:`nnstudio.ui.training.weightimages`)
* 'confusion_examples' — the samples of a clicked confusion cell
  (:mod:`nnstudio.ui.training.confusion_examples`)

The docks are shown when an image dataset is chosen and hidden when the
dataset stops being one (a user may still open them from the View menu).
Installed after the training plug-in (it needs ``window.training``).
"""

from __future__ import annotations

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


def install(window) -> None:
    """Add the image docks to ``window`` (see module docstring)."""
    from nnstudio.ui.data.drawpad import DrawPadPanel
    from nnstudio.ui.data.images import ImagesPanel
    from nnstudio.ui.training.confusion_examples import ConfusionExamplesPanel
    from nnstudio.ui.training.weightimages import WeightImagesPanel

    state, controller = window.state, getattr(window, "training", None)
    if controller is None:
        return
    views = getattr(window, "training_views", {}) or {}
    widgets = {
        "images": ImagesPanel(state),
        "draw_pad": DrawPadPanel(state, controller),
        "weight_images": WeightImagesPanel(controller),
        "confusion_examples": ConfusionExamplesPanel(controller, views.get("confusion")),
    }
    right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    places = {"images": (right, "data_view"), "draw_pad": (right, "images"),
              "weight_images": (bottom, None), "confusion_examples": (right, "confusion")}
    docks = {}
    names = titles()
    for name in DOCKS:
        area, tab = places[name]
        tab = tab if tab in window.docks else None
        docks[name] = window.add_dock(widgets[name], name, names[name], area, tabify_with=tab)
    window.image_views = widgets

    def follow(initial: bool = False) -> None:
        now = _is_image(state)
        if not initial and now == follow.was:
            return
        follow.was = now
        for dock in docks.values():
            dock.setVisible(now)
        if now:
            docks["images"].raise_()

    follow.was = None
    state.datasetChanged.connect(follow)
    follow(initial=True)
