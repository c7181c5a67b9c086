"""nnstudio: build, train and see small neural networks."""

__version__ = "0.1.0"
