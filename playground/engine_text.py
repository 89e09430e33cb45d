"""The engine's messages (``core.messages.Message``: a code and parameters) in the window's
language. Each code's English template is listed here once, for lupdate; the window translates
it and fills in the same parameters (one pass: a parameter holding "{x}" or "%1" stays as it is).
A code not listed here shows core's English text. The command line keeps English throughout."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from core.errors import DataError, DocumentError, EngineError
from core.messages import Message

CONTEXT = "EngineMessages"
LINE = QT_TRANSLATE_NOOP("EngineMessages", "Line {line}: {reason}")

TEMPLATES: dict[str, str] = {
    'type.object': QT_TRANSLATE_NOOP("EngineMessages", 'an object'),
    'type.list': QT_TRANSLATE_NOOP("EngineMessages", 'a list'),
    'type.string': QT_TRANSLATE_NOOP("EngineMessages", 'a string'),
    'type.bool': QT_TRANSLATE_NOOP("EngineMessages", 'true/false'),
    'type.null': QT_TRANSLATE_NOOP("EngineMessages", 'null'),
    'type.number': QT_TRANSLATE_NOOP("EngineMessages", 'a number'),
    'csv.empty': QT_TRANSLATE_NOOP("EngineMessages", 'the {column} value is empty'),
    'csv.not_finite': QT_TRANSLATE_NOOP("EngineMessages", '{column} is {text}; only finite numbers are allowed'),
    'csv.out_of_range': QT_TRANSLATE_NOOP("EngineMessages", '{column} = {text} is outside the allowed range ±{limit}'),
    'csv.no_rows': QT_TRANSLATE_NOOP("EngineMessages", 'no data rows'),
    'csv.not_a_number': QT_TRANSLATE_NOOP("EngineMessages", '{text} is not a number'),
    'csv.fields_hint': QT_TRANSLATE_NOOP("EngineMessages", 'expected 3 comma-separated values, got {got}{hint}'),
    'csv.semicolons': QT_TRANSLATE_NOOP("EngineMessages", "; the values seem to be separated by ';' (a spreadsheet's export in some languages): save the file with commas, x1,x2,label"),
    'csv.tabs': QT_TRANSLATE_NOOP("EngineMessages", '; the values seem to be separated by tabs: use commas, x1,x2,label'),
    'csv.too_many_rows': QT_TRANSLATE_NOOP("EngineMessages", 'too many rows: at most {n} points are allowed'),
    'csv.binary_labels': QT_TRANSLATE_NOOP("EngineMessages", 'binary labels must be +1 or -1'),
    'csv.class_labels': QT_TRANSLATE_NOOP("EngineMessages", 'multi-class labels must be whole numbers 0 … {last}'),
    'csv.label_kind': QT_TRANSLATE_NOOP("EngineMessages", '{rule} (the file says # kind: {kind}), got {got}'),
    'csv.too_large': QT_TRANSLATE_NOOP("EngineMessages", '{name} is too large for a data file (over {mb} MB)'),
    'csv.not_utf8': QT_TRANSLATE_NOOP("EngineMessages", '{name} is not UTF-8 text'),
    'csv.cannot_read': QT_TRANSLATE_NOOP("EngineMessages", 'cannot read {name}: {error}'),
    'csv.cannot_write': QT_TRANSLATE_NOOP("EngineMessages", 'cannot write {name}: {error}'),
    'csv.unknown_kind': QT_TRANSLATE_NOOP("EngineMessages", 'unknown kind {kind}; use one of {kinds}'),
    'features.none': QT_TRANSLATE_NOOP("EngineMessages", 'choose at least one input feature'),
    'features.twice': QT_TRANSLATE_NOOP("EngineMessages", 'feature {name} is listed twice'),
    'net.not_finite': QT_TRANSLATE_NOOP("EngineMessages", '{what}: must be a finite number, got {value}'),
    'net.no_weight_layer': QT_TRANSLATE_NOOP("EngineMessages", 'there is no weight layer {l} (1…{n})'),
    'net.link_disabled': QT_TRANSLATE_NOOP("EngineMessages", 'link W{l}[{i},{j}] is disabled; enable it before setting its weight'),
    'net.output_only': QT_TRANSLATE_NOOP("EngineMessages", '{activation} is only allowed on the output layer'),
    'net.no_layer': QT_TRANSLATE_NOOP("EngineMessages", 'there is no neuron layer {layer}'),
    'net.layer_full': QT_TRANSLATE_NOOP("EngineMessages", 'layer {layer} already has the maximum of {n} neurons'),
    'net.position_outside': QT_TRANSLATE_NOOP("EngineMessages", 'position {position} is outside layer {layer}'),
    'net.no_neuron': QT_TRANSLATE_NOOP("EngineMessages", 'layer {layer} has no neuron {position}'),
    'net.keep_one_neuron': QT_TRANSLATE_NOOP("EngineMessages", 'a layer keeps at least one neuron; remove the layer instead'),
    'net.insert_position': QT_TRANSLATE_NOOP("EngineMessages", 'a hidden layer can be inserted at 1…{depth}, not {index}'),
    'net.max_layers': QT_TRANSLATE_NOOP("EngineMessages", 'at most {n} layers'),
    'net.layer_size': QT_TRANSLATE_NOOP("EngineMessages", 'layer size must be 1…{n}'),
    'net.remove_position': QT_TRANSLATE_NOOP("EngineMessages", 'hidden layers are 1…{last}; cannot remove {index}'),
    'net.not_a_number': QT_TRANSLATE_NOOP("EngineMessages", '{what}: {value} is not a number'),
    'problem.class_outputs': QT_TRANSLATE_NOOP("EngineMessages", 'the data set has {classes} classes but the network has {n} outputs'),
    'problem.regression_outputs': QT_TRANSLATE_NOOP("EngineMessages", 'a regression data set needs 1 output neuron, the network has {n}'),
    'doc.bools': QT_TRANSLATE_NOOP("EngineMessages", 'true/false values'),
    'doc.numbers': QT_TRANSLATE_NOOP("EngineMessages", 'numbers'),
    'doc.constant': QT_TRANSLATE_NOOP("EngineMessages", '{name} is not allowed in a document (numbers must be finite)'),
    'doc.expected_object': QT_TRANSLATE_NOOP("EngineMessages", 'expected an object, got {got}'),
    'doc.expected_number': QT_TRANSLATE_NOOP("EngineMessages", 'expected a number, got {got}'),
    'doc.expected_finite': QT_TRANSLATE_NOOP("EngineMessages", 'expected a finite number'),
    'doc.at_least': QT_TRANSLATE_NOOP("EngineMessages", 'must be ≥ {lo}, got {got}'),
    'doc.at_most': QT_TRANSLATE_NOOP("EngineMessages", 'must be ≤ {hi}, got {got}'),
    'doc.expected_string': QT_TRANSLATE_NOOP("EngineMessages", 'expected a string, got {got}'),
    'doc.text_too_long': QT_TRANSLATE_NOOP("EngineMessages", 'text longer than {n} characters'),
    'doc.not_one_of': QT_TRANSLATE_NOOP("EngineMessages", '{value} is not one of: {choices}'),
    'doc.expected_numbers': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list of numbers, got {got}'),
    'doc.too_many_numbers': QT_TRANSLATE_NOOP("EngineMessages", 'at most {n} numbers, got {got}'),
    'doc.count': QT_TRANSLATE_NOOP("EngineMessages", 'expected {n} numbers, got {got}'),
    'doc.matrix_type': QT_TRANSLATE_NOOP("EngineMessages", 'expected {rows}×{cols} {what}, got {got}'),
    'doc.row_type': QT_TRANSLATE_NOOP("EngineMessages", 'expected a row of {cols} {what}, got {got}'),
    'doc.matrix_shape': QT_TRANSLATE_NOOP("EngineMessages", 'expected {rows}×{cols} {what}, got {got_rows}×{got_cols}'),
    'doc.matrix_rows': QT_TRANSLATE_NOOP("EngineMessages", 'expected {rows}×{cols} {what}, got {got} rows'),
    'doc.ragged_row': QT_TRANSLATE_NOOP("EngineMessages", 'expected {cols} {what} (row {row} of {rows}×{cols}), got {got}'),
    'doc.unknown_field': QT_TRANSLATE_NOOP("EngineMessages", 'unknown field'),
    'doc.missing': QT_TRANSLATE_NOOP("EngineMessages", 'missing'),
    'doc.features_inputs': QT_TRANSLATE_NOOP("EngineMessages", '{n} features for {inputs} inputs'),
    'doc.layers_list': QT_TRANSLATE_NOOP("EngineMessages", 'expected a non-empty list of layers'),
    'doc.too_many_layers': QT_TRANSLATE_NOOP("EngineMessages", 'at most {n} layers, got {got}'),
    'doc.points_list': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list of [x1, x2, label], got {got}'),
    'doc.too_many_points': QT_TRANSLATE_NOOP("EngineMessages", 'at most {n} points'),
    'doc.too_many_points_all': QT_TRANSLATE_NOOP("EngineMessages", 'at most {n} points in all'),
    'doc.custom_empty': QT_TRANSLATE_NOOP("EngineMessages", 'a custom data set needs at least one point'),
    'doc.history_numbers': QT_TRANSLATE_NOOP("EngineMessages", 'epoch and train_loss entries must be numbers'),
    'doc.format': QT_TRANSLATE_NOOP("EngineMessages", 'not a Backprop Playground document (expected "{format}")'),
    'doc.version_missing': QT_TRANSLATE_NOOP("EngineMessages", 'missing or not a whole number'),
    'doc.version': QT_TRANSLATE_NOOP("EngineMessages", 'version {version} is not supported; this program reads versions 1 to {current}'),
    'doc.dataset_features': QT_TRANSLATE_NOOP("EngineMessages", 'a document with a data set must name the input features'),
    'doc.file_too_large': QT_TRANSLATE_NOOP("EngineMessages", 'the file is larger than {mb} MB'),
    'doc.file_size': QT_TRANSLATE_NOOP("EngineMessages", 'the file is {size} MB; documents are at most {mb} MB'),
    'doc.expected_finite_got': QT_TRANSLATE_NOOP("EngineMessages", 'expected a finite number, got {got}'),
    'doc.expected_int': QT_TRANSLATE_NOOP("EngineMessages", 'expected a whole number, got {got}'),
    'doc.features_list': QT_TRANSLATE_NOOP("EngineMessages", 'expected a non-empty list of feature names or null'),
    'doc.feature_twice': QT_TRANSLATE_NOOP("EngineMessages", 'a feature is listed twice'),
    'doc.too_many_parameters': QT_TRANSLATE_NOOP("EngineMessages", 'the network would have more than {n} parameters'),
    'doc.output_only': QT_TRANSLATE_NOOP("EngineMessages", '{activation} is only allowed on the output layer'),
    'doc.history_list': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list (of at most a million numbers)'),
    'doc.history_length': QT_TRANSLATE_NOOP("EngineMessages", 'expected {n} entries like history.epoch, got {got}'),
    'doc.version_newer': QT_TRANSLATE_NOOP("EngineMessages", 'version {version} is not supported (written by a newer version of the program); this program reads versions 1 to {current}'),
    'doc.language_code': QT_TRANSLATE_NOOP("EngineMessages", 'expected a language code such as zh_CN'),
    'doc.not_json': QT_TRANSLATE_NOOP("EngineMessages", 'not valid JSON: {error} (line {line}, column {column})'),
    'doc.invalid': QT_TRANSLATE_NOOP("EngineMessages", 'not a valid document: {error}'),
    'doc.too_deep': QT_TRANSLATE_NOOP("EngineMessages", 'not a valid document: nested too deeply'),
    'doc.not_utf8': QT_TRANSLATE_NOOP("EngineMessages", 'the file is not UTF-8 text ({reason} at byte {byte})'),
    'doc.expected_bool': QT_TRANSLATE_NOOP("EngineMessages", 'expected true or false, got {got}'),
    'lesson.control_name': QT_TRANSLATE_NOOP("EngineMessages", '{name} is not a control name (such as step.forward)'),
    'lesson.document_one': QT_TRANSLATE_NOOP("EngineMessages", 'expected either example or embedded'),
    'lesson.empty_text': QT_TRANSLATE_NOOP("EngineMessages", 'the text is empty'),
    'lesson.format': QT_TRANSLATE_NOOP("EngineMessages", 'not a Backprop Playground lesson (expected "{format}")'),
    'lesson.id': QT_TRANSLATE_NOOP("EngineMessages", 'use letters, digits, _ and - only'),
    'lesson.list': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list'),
    'lesson.names_list': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list of control names'),
    'lesson.no_example': QT_TRANSLATE_NOOP("EngineMessages", 'there is no bundled example {name}'),
    'lesson.no_variable': QT_TRANSLATE_NOOP("EngineMessages", 'the formula has no variable {name}'),
    'lesson.printed_or_of': QT_TRANSLATE_NOOP("EngineMessages", 'give either of or printed'),
    'lesson.steps': QT_TRANSLATE_NOOP("EngineMessages", 'expected a non-empty list of steps'),
    'lesson.tag': QT_TRANSLATE_NOOP("EngineMessages", 'the tag <{tag}> is not allowed in a lesson text'),
    'lesson.version': QT_TRANSLATE_NOOP("EngineMessages", 'lesson version {version} is not supported; this program reads version {current}'),
    'lesson.wait_kind': QT_TRANSLATE_NOOP("EngineMessages", 'expected action, goal or predict'),
    'expr.attribute': QT_TRANSLATE_NOOP("EngineMessages", "attribute access with '.'"),
    'expr.indexing': QT_TRANSLATE_NOOP("EngineMessages", 'indexing with [ ]'),
    'expr.slices': QT_TRANSLATE_NOOP("EngineMessages", 'slices'),
    'expr.comprehensions': QT_TRANSLATE_NOOP("EngineMessages", 'comprehensions'),
    'expr.comparisons': QT_TRANSLATE_NOOP("EngineMessages", 'comparisons'),
    'expr.lists': QT_TRANSLATE_NOOP("EngineMessages", 'lists'),
    'expr.tuples': QT_TRANSLATE_NOOP("EngineMessages", 'tuples (or a stray comma)'),
    'expr.sets': QT_TRANSLATE_NOOP("EngineMessages", 'sets'),
    'expr.dicts': QT_TRANSLATE_NOOP("EngineMessages", 'dictionaries'),
    'expr.unpacking': QT_TRANSLATE_NOOP("EngineMessages", "'*' unpacking"),
    'expr.not_text': QT_TRANSLATE_NOOP("EngineMessages", 'a formula must be text'),
    'expr.too_long': QT_TRANSLATE_NOOP("EngineMessages", 'the formula is too long ({n} characters; at most {most})'),
    'expr.empty': QT_TRANSLATE_NOOP("EngineMessages", 'the formula is empty'),
    'expr.too_deep': QT_TRANSLATE_NOOP("EngineMessages", 'the formula is nested more than {n} levels deep'),
    'expr.value_not_allowed': QT_TRANSLATE_NOOP("EngineMessages", '{value} is not allowed in a formula'),
    'expr.syntax': QT_TRANSLATE_NOOP("EngineMessages", 'not a valid formula: {error}'),
    'expr.too_complex': QT_TRANSLATE_NOOP("EngineMessages", 'the formula is too complex to read'),
    'expr.not_finite': QT_TRANSLATE_NOOP("EngineMessages", 'numbers must be finite'),
    'expr.not_allowed': QT_TRANSLATE_NOOP("EngineMessages", 'not allowed in a formula: {what}'),
    'expr.caret': QT_TRANSLATE_NOOP("EngineMessages", 'use ** for powers (x**2), not ^'),
    'expr.operators': QT_TRANSLATE_NOOP("EngineMessages", 'only the operators + - * / ** are allowed'),
    'expr.signs': QT_TRANSLATE_NOOP("EngineMessages", 'only the signs + and - may stand before a value'),
    'expr.call_by_name': QT_TRANSLATE_NOOP("EngineMessages", 'only the functions {names} may be called, by name'),
    'expr.unknown_function': QT_TRANSLATE_NOOP("EngineMessages", 'unknown function {name} (known: {names})'),
    'expr.keywords': QT_TRANSLATE_NOOP("EngineMessages", '{name}() takes no keyword arguments'),
    'expr.two_arguments': QT_TRANSLATE_NOOP("EngineMessages", '{name}() takes two or more arguments, got {n}'),
    'expr.is_function': QT_TRANSLATE_NOOP("EngineMessages", '{name} is a function: write {name}(…)'),
    'expr.underscore': QT_TRANSLATE_NOOP("EngineMessages", "names starting with '_' are not allowed ({name})"),
    'expr.bool': QT_TRANSLATE_NOOP("EngineMessages", '{value} is not a number'),
    'expr.quotes': QT_TRANSLATE_NOOP("EngineMessages", 'text in quotes is not allowed; only numbers and names'),
    'expr.complex': QT_TRANSLATE_NOOP("EngineMessages", 'complex numbers are not allowed'),
    'expr.syntax_at': QT_TRANSLATE_NOOP("EngineMessages", 'not a valid formula at column {column}: {error}'),
    'expr.too_many_parts': QT_TRANSLATE_NOOP("EngineMessages", 'the formula has more than {n} parts'),
    'expr.number_too_large': QT_TRANSLATE_NOOP("EngineMessages", 'the number {value} is too large'),
    'expr.exponent': QT_TRANSLATE_NOOP("EngineMessages", 'the exponent of ** must be a constant number (x**2); for a variable exponent write exp(y*log(x))'),
    'expr.one_argument': QT_TRANSLATE_NOOP("EngineMessages", '{name}() takes one argument, got {n}'),
    'exercise.integer_range': QT_TRANSLATE_NOOP("EngineMessages", 'expected an integer {lo}…{hi}, got {got}'),
    'exercise.number_range': QT_TRANSLATE_NOOP("EngineMessages", 'expected a number in {range}, got {got}'),
    'exercise.integer_min': QT_TRANSLATE_NOOP("EngineMessages", 'expected an integer ≥ {lo}, got {got}'),
    'exercise.tolerance_mix': QT_TRANSLATE_NOOP("EngineMessages", 'give either rel and abs, or digits, not both'),
    'exercise.not_for_kind': QT_TRANSLATE_NOOP("EngineMessages", 'a {kind} question has no {field}'),
    'exercise.check_step': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is off: check {factor} = {value}'),
    'exercise.derivative': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is off: check {factor} = {rule} = {value}'),
    'exercise.missing_factor': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is off by the factor {factor} = {value}: it belongs in the product'),
    'exercise.missing_term': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} leaves out the term {factor} = {value}'),
    'exercise.term_sign': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} has the term {factor} = {value} with the wrong sign'),
    'exercise.update_sign': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} moves with the gradient: a descent step subtracts η·{factor} = {value}'),
    'exercise.no_activation': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is z itself: apply the activation {rule} to it'),
    'exercise.square': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is off: square {factor} = {value}'),
    'exercise.sign': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} has the wrong sign'),
    'exercise.old_weights': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is the output before the update: compute it again with the updated weights W′ and biases b′'),
    'exercise.recompute': QT_TRANSLATE_NOOP("EngineMessages", 'your {asked} is off: work through its formula again, one product at a time'),
    'doc.expected_names': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list of control names, got {got}'),
    'classroom.format': QT_TRANSLATE_NOOP("EngineMessages", 'not a classroom file (expected "{format}")'),
    'classroom.version': QT_TRANSLATE_NOOP("EngineMessages", 'version {version} is not supported; this program reads version {current}'),
    'classroom.too_large': QT_TRANSLATE_NOOP("EngineMessages", 'a classroom file is at most {kb} KB'),
    'worksheet.too_large': QT_TRANSLATE_NOOP("EngineMessages", 'this network is too large for a worksheet ({rows} rows; at most {most})'),
    'controls.unknown': QT_TRANSLATE_NOOP("EngineMessages", 'unknown control {name}; known controls: {names}'),
}
"""code → English template, exactly as core writes it (a test compares them)."""


def render(message) -> str:
    """A Message (or any value) as text in the current language."""
    if not isinstance(message, Message):
        return str(message)
    template = TEMPLATES.get(message.code)
    if template != message.template:          # unknown here, or core changed the English text
        return message.render(param=render)
    return message.render(QCoreApplication.translate(CONTEXT, template), param=render)


def error_text(exc: BaseException) -> str:
    """What the window says about an engine error (or an OSError)."""
    if isinstance(exc, DocumentError):
        reason = render(exc.reason_message or exc.reason)
        return f"{exc.path}: {reason}" if exc.path else reason
    if isinstance(exc, DataError):
        reason = render(exc.reason_message or exc.reason)
        if exc.line is None:
            return reason
        return Message("line", "", line=exc.line, reason=reason).render(
            QCoreApplication.translate(CONTEXT, LINE))
    if isinstance(exc, EngineError) and exc.message is not None:
        return render(exc.message)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
