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
    'activation.unknown': QT_TRANSLATE_NOOP("EngineMessages", 'unknown activation {name} (expected one of: {names})'),
    'data.seed': QT_TRANSLATE_NOOP("EngineMessages", 'seed'),
    'data.n_points': QT_TRANSLATE_NOOP("EngineMessages", 'number of points'),
    'data.n_classes': QT_TRANSLATE_NOOP("EngineMessages", 'number of classes'),
    'data.whole_number': QT_TRANSLATE_NOOP("EngineMessages", '{what} must be a whole number, got {value}'),
    'data.between': QT_TRANSLATE_NOOP("EngineMessages", '{what} must be between {lo} and {hi}, got {value}'),
    'data.unknown_set': QT_TRANSLATE_NOOP("EngineMessages", 'unknown data set {name}; choose one of {names}'),
    'data.noise_range': QT_TRANSLATE_NOOP("EngineMessages", 'noise must be between 0 and 0.5 (0–50 %), got {value}'),
    'data.ratio_range': QT_TRANSLATE_NOOP("EngineMessages", 'training ratio must be between 0 and 1 (exclusive), got {value}'),
    'data.points_shape': QT_TRANSLATE_NOOP("EngineMessages", 'points must be an (n, 2) array, got shape {shape}'),
    'data.labels_shape': QT_TRANSLATE_NOOP("EngineMessages", '{n} points but labels of shape {shape}'),
    'data.no_points': QT_TRANSLATE_NOOP("EngineMessages", 'no data points'),
    'data.not_finite': QT_TRANSLATE_NOOP("EngineMessages", 'points and labels must be finite numbers'),
    'data.noise_number': QT_TRANSLATE_NOOP("EngineMessages", 'noise must be a number, got {value}'),
    'data.ratio_number': QT_TRANSLATE_NOOP("EngineMessages", 'training ratio must be a number, got {value}'),
    'data.not_numbers': QT_TRANSLATE_NOOP("EngineMessages", 'points and labels must be numbers'),
    'data.unknown_kind': QT_TRANSLATE_NOOP("EngineMessages", 'unknown kind {kind}; choose one of {kinds}'),
    'digits.max_layers': QT_TRANSLATE_NOOP("EngineMessages", 'at most 8 hidden layers here'),
    'digits.layer_size': QT_TRANSLATE_NOOP("EngineMessages", 'a layer has 1…{most} neurons, not {n}'),
    'digits.not_whole': QT_TRANSLATE_NOOP("EngineMessages", '{text} is not a whole number of neurons'),
    'digits.inputs': QT_TRANSLATE_NOOP("EngineMessages", 'the {side}×{side} images need {n} inputs, the network has {got}'),
    'features.single_string': QT_TRANSLATE_NOOP("EngineMessages", 'expected a list of feature names, got the single string {name}'),
    'features.unknown': QT_TRANSLATE_NOOP("EngineMessages", 'unknown feature {name}; choose from {names}'),
    'loss.needs_activation': QT_TRANSLATE_NOOP("EngineMessages", 'loss {loss} needs a {needs} output layer, not {got}'),
    'loss.bce_softmax': QT_TRANSLATE_NOOP("EngineMessages", 'binary_cross_entropy cannot be used with a softmax output'),
    'loss.unknown': QT_TRANSLATE_NOOP("EngineMessages", 'unknown loss {name} (expected one of: {names})'),
    'optim.learning_rate': QT_TRANSLATE_NOOP("EngineMessages", 'learning_rate'),
    'optim.momentum': QT_TRANSLATE_NOOP("EngineMessages", 'momentum'),
    'optim.beta1': QT_TRANSLATE_NOOP("EngineMessages", 'beta1'),
    'optim.beta2': QT_TRANSLATE_NOOP("EngineMessages", 'beta2'),
    'optim.epsilon': QT_TRANSLATE_NOOP("EngineMessages", 'epsilon'),
    'optim.regularization_rate': QT_TRANSLATE_NOOP("EngineMessages", 'regularization_rate'),
    'optim.unknown': QT_TRANSLATE_NOOP("EngineMessages", 'unknown optimizer {name} (expected one of {names})'),
    'optim.unknown_regularization': QT_TRANSLATE_NOOP("EngineMessages", 'unknown regularization {name} (expected one of {names})'),
    'optim.not_finite': QT_TRANSLATE_NOOP("EngineMessages", '{name} must be a finite number, got {value}'),
    'optim.range': QT_TRANSLATE_NOOP("EngineMessages", '{name} must be {low} and ≤ {hi}, got {value}'),
    'project.no_dataset': QT_TRANSLATE_NOOP("EngineMessages", 'this document has no data set to train on; the step-by-step view uses its single sample'),
    'graph.div_zero': QT_TRANSLATE_NOOP("EngineMessages", 'division by zero ({a} / 0)'),
    'graph.zero_negative_power': QT_TRANSLATE_NOOP("EngineMessages", '0 raised to a negative power ({p})'),
    'graph.negative_power': QT_TRANSLATE_NOOP("EngineMessages", 'a negative number ({x}) raised to a non-integer power ({p})'),
    'graph.infinite_slope': QT_TRANSLATE_NOOP("EngineMessages", 'the slope of x^{p} is infinite at x = 0'),
    'graph.log': QT_TRANSLATE_NOOP("EngineMessages", 'log of a non-positive value ({x})'),
    'graph.exp': QT_TRANSLATE_NOOP("EngineMessages", 'exp({x}) is too large to represent'),
    'graph.too_large': QT_TRANSLATE_NOOP("EngineMessages", '{op} at node {node} gave a value too large to represent'),
    'graph.no_value_yet': QT_TRANSLATE_NOOP("EngineMessages", 'node {node} has no value yet: run the forward pass first'),
    'graph.learning_rate': QT_TRANSLATE_NOOP("EngineMessages", 'the learning rate must be a finite number, got {value}'),
    'graph.local_too_large': QT_TRANSLATE_NOOP("EngineMessages", 'the local derivative at node {node} ({op}) is too large to represent'),
    'graph.not_variable': QT_TRANSLATE_NOOP("EngineMessages", '{name} is not a variable of this graph'),
    'graph.no_value': QT_TRANSLATE_NOOP("EngineMessages", 'no value given for {name}'),
    'graph.at_node': QT_TRANSLATE_NOOP("EngineMessages", '{reason} at node {node} ({op})'),
    'graph.gradient_overflow': QT_TRANSLATE_NOOP("EngineMessages", 'the gradient at node {node} ({op}) overflowed'),
    'session.sample_shape': QT_TRANSLATE_NOOP("EngineMessages", 'the sample does not fit the network'),
    'session.features_inputs': QT_TRANSLATE_NOOP("EngineMessages", "the inputs of this network are its data set's features: switch input features on or off instead"),
    'train.batch_size': QT_TRANSLATE_NOOP("EngineMessages", 'batch size must be ≥ 0 (0 = the whole training set)'),
    'train.max_epochs': QT_TRANSLATE_NOOP("EngineMessages", 'max epochs must be ≥ 0'),
    'train.snapshot_every': QT_TRANSLATE_NOOP("EngineMessages", 'snapshot_every must be ≥ 1'),
    'train.features': QT_TRANSLATE_NOOP("EngineMessages", 'training inputs have {got} features, the network expects {n}'),
    'train.no_samples': QT_TRANSLATE_NOOP("EngineMessages", 'there are no training samples'),
    'train.loss_changed': QT_TRANSLATE_NOOP("EngineMessages", 'the loss cannot change during a run; start a new run'),
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
