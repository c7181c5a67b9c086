"""Lessons: the registry of lesson folders, their checks and a headless runner.

Lesson *content* lives in ``resources/lessons`` (see its README.md); this
package loads it (:mod:`.registry`), evaluates a step's check on a training
result (:mod:`.checks`) and can train a step's setup without any UI
(:mod:`.runner`). No Qt here.
"""

from nnstudio.lessons.checks import TrainingResult, evaluate, iterations_per_epoch
from nnstudio.lessons.registry import (
    Check,
    Lesson,
    LessonError,
    Predict,
    Step,
    Variant,
    get,
    lessons,
    load_lesson,
)
from nnstudio.lessons.setups import merge_setup, setup_problems

__all__ = [
    "Check", "Lesson", "LessonError", "Predict", "Step", "Variant", "get", "lessons", "load_lesson",
    "TrainingResult", "evaluate", "iterations_per_epoch", "merge_setup", "setup_problems",
]
