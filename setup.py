"""Build hook: ship the top-level ``resources/`` folder inside the wheel.

In the source tree the app reads ``resources/`` directly; in a wheel the
same files live in ``nnstudio/_resources``. ``nnstudio/resources.py`` is the
only code that knows about either location.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        src = Path(__file__).parent / "resources"
        dst = Path(self.build_lib) / "nnstudio" / "_resources"
        if src.is_dir():
            if dst.exists():
                shutil.rmtree(dst)
            shutil.copytree(src, dst)


setup(cmdclass={"build_py": BuildPyWithResources})
