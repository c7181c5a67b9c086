"""A learner who opens any lesson and presses "Set it up for me" on each step in turn never
gets a network the validator refuses: each set-up (from a fresh studio, or after the previous
steps) leaves no error, so Train is always available where the text asks for it."""

from __future__ import annotations

import pytest

from nnstudio.lessons import registry
from nnstudio.lessons.setups import as_applied
from nnstudio.project import Project, setup_edits
from nnstudio.project.build import load_dataset
from nnstudio.project.validate import validate


def _errors(project: Project) -> list[str]:
    return [p.message for p in validate(project, load_dataset(project)) if p.is_error]


@pytest.mark.parametrize("lesson", registry.lessons(), ids=lambda les: les.id)
def test_every_step_setup_leaves_no_errors(lesson):
    project = Project.default()
    for i, step in enumerate(lesson.steps):
        if step.setup is None:
            continue
        fresh = Project.default()   # the step set up on its own (a learner jumping straight to it)
        fresh.apply_all(setup_edits(fresh, as_applied(step.setup)))
        assert _errors(fresh) == [], f"step {i + 1} ({step.id}) from a fresh studio"
        project.apply_all(setup_edits(project, as_applied(step.setup)))   # and after the steps before it
        assert _errors(project) == [], f"step {i + 1} ({step.id}) after the earlier steps"
