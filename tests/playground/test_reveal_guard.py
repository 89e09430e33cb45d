"""The Document's reveal guard: what each step command would reveal, held and resumed."""
from core.stepping import Stage
from playground.document import Document


def test_stages_each_command_reveals(qapp):
    doc = Document()                       # the 2-2-1 worked example
    assert doc.stages_to_reveal("forward") == [Stage("forward", 1)]
    assert doc.stages_to_reveal("backward") == [Stage("forward", 1), Stage("forward", 2),
                                                 Stage("loss"), Stage("backward", 2)]
    assert doc.stages_to_reveal("update")[-1] == Stage("update")
    assert len(doc.stages_to_reveal("whole")) == 6
    doc.whole_step()
    assert doc.update_applied
    assert doc.stages_to_reveal("forward") == [Stage("forward", 1)]     # the next step's
    assert doc.stages_to_reveal("backward") == [] and doc.stages_to_reveal("update") == []
    assert len(doc.stages_to_reveal("whole")) == 6


def test_a_held_command_runs_once_when_resumed(qapp):
    doc = Document()
    held = []
    doc.set_reveal_guard(lambda stages, proceed: held.append((stages, proceed)) or True)
    doc.step_backward()
    assert doc.cursor.position == 0 and len(held) == 1
    stages, proceed = held[0]
    proceed()
    assert doc.cursor.stage == Stage("backward", 2) and len(held) == 1   # not asked again
    doc.set_reveal_guard(lambda stages, proceed: False)                  # nothing to ask
    doc.apply_update()
    assert doc.update_applied
    doc.set_reveal_guard(None)
    doc.step_forward()
    assert doc.cursor.stage == Stage("forward", 1) and not doc.update_applied
