"""The step cursor walks forward 1…L, loss, backward L…1, update, and back again."""
import pytest

from core import OptimizerConfig, StepCursor
from core.stepping import Stage


@pytest.fixture
def cursor(worked_net):
    return StepCursor(worked_net, [0.9, 1.0], [2.0], "half_squared_error",
                      OptimizerConfig(learning_rate=0.1))


def test_stage_order(cursor):
    assert cursor.stages == (Stage("start"), Stage("forward", 1), Stage("forward", 2), Stage("loss"),
                             Stage("backward", 2), Stage("backward", 1), Stage("update"))


def test_visibility_follows_the_stage(cursor):
    assert not cursor.shows_forward(1) and cursor.shows_forward(0)
    cursor.advance()
    assert cursor.shows_forward(1) and not cursor.shows_forward(2)
    cursor.advance(); cursor.advance()
    assert cursor.shows_loss() and not cursor.shows_backward(2)
    cursor.advance()
    assert cursor.shows_backward(2) and not cursor.shows_backward(1)
    cursor.advance(); cursor.advance()
    assert cursor.at_end and cursor.shows_update()
    assert cursor.advance() == Stage("update")          # stays at the end


def test_back_and_reset(cursor):
    cursor.advance_to("backward", 2)
    assert cursor.back() == Stage("loss")
    cursor.reset()
    assert cursor.at_start and cursor.back() == Stage("start")


def test_deep_network_stage_count():
    from core import Network
    net = Network.create([2, 3, 3, 3, 1], "tanh", seed=0)
    c = StepCursor(net, [1, 2], [0.5], "half_squared_error", OptimizerConfig())
    assert len(c.stages) == 1 + 4 + 1 + 4 + 1
