"""Backprop Playground's engine: numpy only, never Qt.

The public API, re-exported here:

* ``Network``, ``Layer`` — dense layers as float64 arrays (``core.network``)
* ``forward`` → ``ForwardTrace``; ``backward`` → ``BackwardTrace`` (``core.forward``, ``core.backward``)
* ``gradient_step`` → ``UpdateResult``; ``OptimizerConfig`` (``core.update``, ``core.optim``)
* ``StepCursor`` — the forward / loss / backward / update stages of one step (``core.stepping``)
* ``Explainer`` — formulas with numbers, as data (``core.explain``)
* ``check_gradients`` — central differences (``core.gradcheck``)
* ``Trainer``, ``train``, ``TrainConfig``, ``TrainData``, ``TrainSnapshot`` (``core.training``)
* ``predict_grid``, ``neuron_grids`` (``core.boundary``)
* ``Project``, ``load_project``, ``save_project`` — documents (``core.project``, ``core.project_io``)
"""
from .threads import one_blas_thread

one_blas_thread()    # before anything below imports numpy (see core/threads.py)

from .activations import ACTIVATION_NAMES, get_activation
from .backward import BackwardTrace, backward, loss_and_gradients
from .boundary import neuron_grids, predict_grid
from .errors import DataError, DivergedError, DocumentError, EngineError, ShapeError
from .explain import Explainer, Explanation
from .forward import ForwardTrace, forward, predict
from .gradcheck import check_gradients
from .losses import LOSS_NAMES, get_loss
from .network import Layer, Network
from .optim import OptimizerConfig
from .project import DatasetSpec, History, Project
from .project_io import dumps as dump_project_text
from .project_io import load as load_project
from .project_io import loads as load_project_text
from .project_io import save as save_project
from .stepping import Stage, StepCursor
from .training import TrainConfig, TrainData, Trainer, TrainerState, TrainSnapshot, train
from .update import UpdateResult, gradient_step

__all__ = [name for name in dir() if not name.startswith("_")]
