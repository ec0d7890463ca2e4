"""The conformance corpus of the ASL interpreter, as data (see OUT below)."""
import json
import os
# Writes the conformance corpus: one JSON file per state machine, with its input and the outcome
# Step Functions documents for it, plus index.txt. Run: python3 statemachine/conformance/generate.py
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "conformance")
F = "arn:aws:lambda:us-east-1:000000000000:function:"
cases = []
def case(name, desc, definition, inp, expected):
    cases.append((name, {"description": desc, "definition": definition, "input": inp, "expected": expected}))
def ok(output, events=None):
    e = {"status": "SUCCEEDED", "output": output}
    if events: e["events"] = events
    return e
def failed(error, cause=None, events=None):
    e = {"status": "FAILED", "error": error}
    if cause is not None: e["cause"] = cause
    if events: e["events"] = events
    return e
def invalid(*problems):
    return {"status": "INVALID_DEFINITION", "problems": list(problems)}
def sm(states, start=None, **top):
    d = {"StartAt": start or next(iter(states)), "States": states}
    d.update(top)
    return d

# --- Pass and data flow
case("pass-identity", "Pass without fields passes its input on", sm({"P": {"Type": "Pass", "End": True}}), {"a": 1},
     ok({"a": 1}, ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"]))
case("pass-result", "Result replaces the input", sm({"P": {"Type": "Pass", "Result": {"x": [1, 2]}, "End": True}}), {"a": 1}, ok({"x": [1, 2]}))
case("pass-result-path", "ResultPath merges the result into the input", sm({"P": {"Type": "Pass", "Result": "r", "ResultPath": "$.b.c", "End": True}}), {"a": 1}, ok({"a": 1, "b": {"c": "r"}}))
case("pass-result-path-null", "ResultPath null keeps the input", sm({"P": {"Type": "Pass", "Result": "r", "ResultPath": None, "End": True}}), {"a": 1}, ok({"a": 1}))
case("pass-input-path", "InputPath selects part of the input", sm({"P": {"Type": "Pass", "InputPath": "$.a", "End": True}}), {"a": {"b": 2}}, ok({"b": 2}))
case("pass-input-path-null", "InputPath null gives {}", sm({"P": {"Type": "Pass", "InputPath": None, "End": True}}), {"a": 1}, ok({}))
case("pass-output-path", "OutputPath selects part of the output", sm({"P": {"Type": "Pass", "OutputPath": "$.a.b", "End": True}}), {"a": {"b": [3]}}, ok([3]))
case("pass-output-path-null", "OutputPath null gives {}", sm({"P": {"Type": "Pass", "OutputPath": None, "End": True}}), {"a": 1}, ok({}))
case("pass-parameters", "Parameters with paths, context and constants", sm({"P": {"Type": "Pass", "Parameters": {"v.$": "$.a", "const": 7, "nested": {"w.$": "$.b[1]"}, "name.$": "$$.State.Name", "exec.$": "$$.Execution.Name"}, "End": True}}), {"a": "x", "b": [10, 20]},
     ok({"v": "x", "const": 7, "nested": {"w": 20}, "name": "P", "exec": "run-1"}))
case("pass-order", "InputPath, Parameters, ResultPath (into the raw input), OutputPath in order", sm({"P": {"Type": "Pass", "InputPath": "$.in", "Parameters": {"doubled.$": "$.v"}, "ResultPath": "$.out", "OutputPath": "$.out", "End": True}}), {"in": {"v": 4}, "keep": True}, ok({"doubled": 4}))
case("pass-result-path-into-raw", "ResultPath writes into the raw input, not the InputPath result", sm({"P": {"Type": "Pass", "InputPath": "$.in", "ResultPath": "$.copy", "End": True}}), {"in": {"v": 1}}, ok({"in": {"v": 1}, "copy": {"v": 1}}))
case("pass-chain", "Next moves to the named state", sm({"A": {"Type": "Pass", "Result": 1, "ResultPath": "$.a", "Next": "B"}, "B": {"Type": "Pass", "Result": 2, "ResultPath": "$.b", "End": True}}), {}, ok({"a": 1, "b": 2}))
case("pass-parameter-path-missing", "A Parameters path that matches nothing fails the execution with States.Runtime", sm({"P": {"Type": "Pass", "Parameters": {"v.$": "$.missing"}, "End": True}}), {}, failed("States.Runtime", "An error occurred while executing the state 'P' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input '{}'"))
case("pass-input-path-missing", "An InputPath that matches nothing fails with States.Runtime", sm({"P": {"Type": "Pass", "InputPath": "$.missing", "End": True}}), {}, failed("States.Runtime"))
case("pass-result-path-mismatch", "ResultPath into a non-object input fails", sm({"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b", "End": True}}), {"a": 5}, failed("States.ResultPathMatchFailure"))
case("pass-array-parameters", "Parameters may hold arrays with paths inside objects", sm({"P": {"Type": "Pass", "Parameters": {"list": [{"v.$": "$.a"}, 2]}, "End": True}}), {"a": 1}, ok({"list": [{"v": 1}, 2]}))
case("context-object", "The context object names the execution and state machine", sm({"P": {"Type": "Pass", "Parameters": {"name.$": "$$.Execution.Name", "state.$": "$$.State.Name", "input.$": "$$.Execution.Input", "retry.$": "$$.State.RetryCount"}, "End": True}}), {"k": 1},
     ok({"name": "run-1", "state": "P", "input": {"k": 1}, "retry": 0}))

# --- Intrinsics
def intrinsic(name, expr, inp, out):
    case("intrinsic-" + name, "Intrinsic " + expr, sm({"P": {"Type": "Pass", "Parameters": {"r.$": expr}, "End": True}}), inp, ok({"r": out}))
intrinsic("format", "States.Format('Hello, my name is {}.', $.name)", {"name": "Arnav"}, "Hello, my name is Arnav.")
intrinsic("string-to-json", "States.StringToJson($.s)", {"s": "{\"a\":[1,2]}"}, {"a": [1, 2]})
intrinsic("json-to-string", "States.JsonToString($.o)", {"o": {"a": 1}}, "{\"a\":1}")
intrinsic("array", "States.Array('a', 1, $.x)", {"x": True}, ["a", 1, True])
intrinsic("array-partition", "States.ArrayPartition($.a, 4)", {"a": [1, 2, 3, 4, 5, 6, 7, 8, 9]}, [[1, 2, 3, 4], [5, 6, 7, 8], [9]])
intrinsic("array-contains", "States.ArrayContains($.a, 3)", {"a": [1, 2, 3]}, True)
intrinsic("array-range", "States.ArrayRange(1, 9, 2)", {}, [1, 3, 5, 7, 9])
intrinsic("array-get-item", "States.ArrayGetItem($.a, 1)", {"a": ["x", "y"]}, "y")
intrinsic("array-length", "States.ArrayLength($.a)", {"a": [1, 2, 3]}, 3)
intrinsic("array-unique", "States.ArrayUnique($.a)", {"a": [1, 2, 2, 3, 1]}, [1, 2, 3])
intrinsic("base64-encode", "States.Base64Encode('Data to encode')", {}, "RGF0YSB0byBlbmNvZGU=")
intrinsic("base64-decode", "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", {}, "Data to encode")
intrinsic("hash", "States.Hash('input data', 'SHA-1')", {}, "aaff4a450a104cd177d28d18d74485e8cae074b7")
intrinsic("json-merge", "States.JsonMerge($.json1, $.json2, false)", {"json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}}, {"a": {"a3": 1, "a4": 2}, "b": 2, "c": 3})
intrinsic("math-add", "States.MathAdd(111, -1)", {}, 110)
intrinsic("string-split", "States.StringSplit('1,2,3,4,5', ',')", {}, ["1", "2", "3", "4", "5"])
intrinsic("nested", "States.ArrayLength(States.StringSplit($.s, ' '))", {"s": "a b c"}, 3)
case("intrinsic-failure", "A failing intrinsic raises States.IntrinsicFailure", sm({"P": {"Type": "Pass", "Parameters": {"r.$": "States.ArrayGetItem($.a, 5)"}, "End": True}}), {"a": [1]}, failed("States.IntrinsicFailure"))

# --- Choice
def choice_sm(rule, default=True):
    states = {"C": {"Type": "Choice", "Choices": [dict(rule, Next="Yes")]}, "Yes": {"Type": "Pass", "Result": "yes", "End": True}, "No": {"Type": "Pass", "Result": "no", "End": True}}
    if default: states["C"]["Default"] = "No"
    else: del states["No"]  # a state no transition reaches is refused, as on AWS
    return sm(states)
def choice(name, rule, inp, out):
    case("choice-" + name, "Choice " + json.dumps(rule), choice_sm(rule), inp, ok(out))
choice("string-equals", {"Variable": "$.s", "StringEquals": "a"}, {"s": "a"}, "yes")
choice("string-equals-type-mismatch", {"Variable": "$.s", "StringEquals": "1"}, {"s": 1}, "no")
choice("numeric-greater", {"Variable": "$.n", "NumericGreaterThan": 5}, {"n": 5.5}, "yes")
choice("numeric-equals-decimal", {"Variable": "$.n", "NumericEquals": 1}, {"n": 1.0}, "yes")
choice("numeric-less-equals-path", {"Variable": "$.n", "NumericLessThanEqualsPath": "$.limit"}, {"n": 3, "limit": 3}, "yes")
choice("boolean-equals", {"Variable": "$.b", "BooleanEquals": False}, {"b": False}, "yes")
choice("timestamp-less", {"Variable": "$.t", "TimestampLessThan": "2020-01-01T00:00:00Z"}, {"t": "2019-12-31T23:59:59Z"}, "yes")
choice("timestamp-offset", {"Variable": "$.t", "TimestampEquals": "2020-01-01T00:00:00Z"}, {"t": "2020-01-01T01:00:00+01:00"}, "yes")
choice("string-matches", {"Variable": "$.f", "StringMatches": "log-*.txt"}, {"f": "log-2020.txt"}, "yes")
choice("string-matches-escaped-star", {"Variable": "$.f", "StringMatches": "a\\*b"}, {"f": "axb"}, "no")
choice("and", {"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 1}, {"Variable": "$.n", "NumericLessThan": 10}]}, {"n": 10}, "no")
choice("or", {"Or": [{"Variable": "$.s", "StringEquals": "x"}, {"Variable": "$.s", "StringEquals": "y"}]}, {"s": "y"}, "yes")
choice("not", {"Not": {"Variable": "$.s", "StringEquals": "x"}}, {"s": "y"}, "yes")
choice("is-present-false", {"Variable": "$.missing", "IsPresent": True}, {"s": 1}, "no")
choice("is-null", {"Variable": "$.v", "IsNull": True}, {"v": None}, "yes")
choice("is-numeric", {"Variable": "$.v", "IsNumeric": True}, {"v": "12"}, "no")
choice("is-string", {"Variable": "$.v", "IsString": True}, {"v": "12"}, "yes")
choice("is-boolean", {"Variable": "$.v", "IsBoolean": False}, {"v": 0}, "yes")
choice("is-timestamp", {"Variable": "$.v", "IsTimestamp": True}, {"v": "2016-03-14T01:59:00Z"}, "yes")
choice("string-greater-path", {"Variable": "$.a", "StringGreaterThanPath": "$.b"}, {"a": "b", "b": "a"}, "yes")
case("choice-no-match", "No rule matches and there is no Default", choice_sm({"Variable": "$.s", "StringEquals": "a"}, default=False), {"s": "b"}, failed("States.NoChoiceMatched"))
case("choice-missing-variable", "A Variable that matches nothing is a runtime error", choice_sm({"Variable": "$.missing", "StringEquals": "a"}), {}, failed("States.Runtime", "An error occurred while executing the state 'C' (entered at the event id #2). Invalid path '$.missing': The choice state's condition path references an invalid value."))
case("choice-output-path", "Choice applies InputPath and OutputPath", sm({"C": {"Type": "Choice", "InputPath": "$.in", "OutputPath": "$.v", "Choices": [{"Variable": "$.v", "NumericEquals": 1, "Next": "Done"}]}, "Done": {"Type": "Succeed"}}), {"in": {"v": 1}}, ok(1))

# --- Succeed, Fail, Wait
case("succeed", "Succeed ends the execution with its input", sm({"S": {"Type": "Succeed"}}), {"a": 1}, ok({"a": 1}, ["ExecutionStarted", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"]))
case("fail", "Fail ends the execution with its error and cause", sm({"F": {"Type": "Fail", "Error": "MyError", "Cause": "it broke"}}), {}, failed("MyError", "it broke", ["ExecutionStarted", "FailStateEntered", "ExecutionFailed"]))
case("fail-paths", "ErrorPath and CausePath read the input", sm({"F": {"Type": "Fail", "ErrorPath": "$.e", "CausePath": "$.c"}}), {"e": "E1", "c": "C1"}, failed("E1", "C1"))
case("wait-seconds", "Wait passes its input on", sm({"W": {"Type": "Wait", "Seconds": 1, "End": True}}), {"a": 1}, ok({"a": 1}, ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"]))
case("wait-timestamp-path", "Wait until a timestamp from the input", sm({"W": {"Type": "Wait", "TimestampPath": "$.at", "End": True}}), {"at": "2026-11-22T10:00:05Z"}, ok({"at": "2026-11-22T10:00:05Z"}))
case("wait-seconds-path-bad", "SecondsPath must point to a number", sm({"W": {"Type": "Wait", "SecondsPath": "$.s", "End": True}}), {"s": "soon"}, failed("States.Runtime"))

# --- Tasks
case("task-direct", "A function ARN's result is the function's payload", sm({"T": {"Type": "Task", "Resource": F + "corpus-identity", "End": True}}), {"a": 1}, ok({"a": 1},
     ["ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded"]))
case("task-parameters-result-selector", "Parameters shape the call; ResultSelector and ResultPath the result", sm({"T": {"Type": "Task", "Resource": F + "corpus-add", "Parameters": {"a.$": "$.x", "b": 2}, "ResultSelector": {"sum.$": "$"}, "ResultPath": "$.out", "End": True}}), {"x": 40}, ok({"x": 40, "out": {"sum": 42}}))
case("task-invoke-integration", "lambda:invoke wraps the payload", sm({"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "corpus-identity", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": True}}), {"a": 1}, ok({"a": 1},
     ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"]))
case("task-invoke-status-code", "lambda:invoke's result carries StatusCode 200", sm({"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": F + "corpus-identity", "Payload": {"k": "v"}}, "ResultSelector": {"code.$": "$.StatusCode", "p.$": "$.Payload"}, "End": True}}), {}, ok({"code": 200, "p": {"k": "v"}}))
case("task-function-error", "A function error is named by its errorType", sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "End": True}}), {"errorType": "ValueError", "message": "bad"}, failed("ValueError"))
case("task-api-error", "A missing function fails with Lambda.ResourceNotFoundException", sm({"T": {"Type": "Task", "Resource": F + "corpus-missing", "End": True}}), {}, failed("Lambda.ResourceNotFoundException"))
case("task-catch", "Catch puts Error and Cause at its ResultPath and goes on", sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "Catch": [{"ErrorEquals": ["ValueError"], "ResultPath": "$.error", "Next": "Handled"}], "End": True}, "Handled": {"Type": "Pass", "Parameters": {"error.$": "$.error.Error", "message.$": "$.message"}, "End": True}}), {"errorType": "ValueError", "message": "bad"}, ok({"error": "ValueError", "message": "bad"}))
case("task-catch-all", "States.ALL catches any error", sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}], "End": True}, "H": {"Type": "Pass", "Parameters": {"e.$": "$.Error"}, "End": True}}), {"errorType": "Boom"}, ok({"e": "Boom"}))
case("task-catch-task-failed", "States.TaskFailed catches a function error", sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": None, "Next": "H"}], "End": True}, "H": {"Type": "Pass", "End": True}}), {"errorType": "Boom"}, ok({"errorType": "Boom"}))
case("task-catch-not-matching", "A catcher for another error lets it through", sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "Catch": [{"ErrorEquals": ["Other"], "Next": "H"}], "End": True}, "H": {"Type": "Pass", "End": True}}), {"errorType": "Boom"}, failed("Boom"))
case("task-catch-output-path-ignored", "A caught error's output ignores the state's OutputPath", sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "OutputPath": "$.Payload", "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "H"}], "End": True}, "H": {"Type": "Pass", "OutputPath": "$.err.Error", "End": True}}), {"errorType": "Boom"}, ok("Boom"))
case("task-retry-succeeds", "Retry until the function succeeds", sm({"T": {"Type": "Task", "Resource": F + "corpus-flaky", "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 3, "IntervalSeconds": 1}], "End": True}}), {"key": "retry-succeeds", "failures": 2}, ok({"calls": 3}))
case("task-retry-exhausted", "When retries run out the error goes on", sm({"T": {"Type": "Task", "Resource": F + "corpus-flaky", "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 1}], "End": True}}), {"key": "retry-exhausted", "failures": 5}, failed("Flaky"))
case("task-retry-max-attempts-zero", "MaxAttempts 0 never retries", sm({"T": {"Type": "Task", "Resource": F + "corpus-flaky", "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}], "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.e", "Next": "H"}], "End": True}, "H": {"Type": "Pass", "OutputPath": "$.e.Error", "End": True}}), {"key": "never", "failures": 1}, ok("Flaky"))
case("task-retry-then-catch", "Retry first, then Catch", sm({"T": {"Type": "Task", "Resource": F + "corpus-flaky", "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 2}], "Catch": [{"ErrorEquals": ["Flaky"], "ResultPath": None, "Next": "H"}], "End": True}, "H": {"Type": "Pass", "Result": "caught", "End": True}}), {"key": "retry-then-catch", "failures": 9}, ok("caught"))
case("task-retry-order", "The first matching retrier applies", sm({"T": {"Type": "Task", "Resource": F + "corpus-flaky", "Retry": [{"ErrorEquals": ["Other"], "MaxAttempts": 5}, {"ErrorEquals": ["Flaky"], "MaxAttempts": 1}], "End": True}}), {"key": "retry-order", "failures": 1}, ok({"calls": 2}))
case("task-retry-count-context", "$$.State.RetryCount counts the retries", sm({"T": {"Type": "Task", "Resource": F + "corpus-flaky", "Parameters": {"key": "retry-count", "failures": 1, "retries.$": "$$.State.RetryCount"}, "ResultSelector": {"calls.$": "$.calls"}, "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 2}], "End": True}}), {}, ok({"calls": 2}))
case("task-timeout", "TimeoutSeconds fails a slow Task with States.Timeout", sm({"T": {"Type": "Task", "Resource": F + "corpus-sleep", "TimeoutSeconds": 1, "End": True}}), {"seconds": 3}, failed("States.Timeout"))
case("task-timeout-caught", "States.Timeout can be caught", sm({"T": {"Type": "Task", "Resource": F + "corpus-sleep", "TimeoutSeconds": 1, "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.e", "Next": "H"}], "End": True}, "H": {"Type": "Pass", "OutputPath": "$.e.Error", "End": True}}), {"seconds": 3}, ok("States.Timeout"))

# --- Parallel
case("parallel", "Branch outputs in branch order", sm({"Par": {"Type": "Parallel", "Branches": [sm({"A": {"Type": "Pass", "Result": "a", "End": True}}), sm({"B": {"Type": "Task", "Resource": F + "corpus-identity", "End": True}})], "End": True}}), {"v": 1}, ok(["a", {"v": 1}]))
case("parallel-result-path", "Parallel applies ResultPath and ResultSelector", sm({"Par": {"Type": "Parallel", "Branches": [sm({"A": {"Type": "Pass", "Result": 1, "End": True}}), sm({"B": {"Type": "Pass", "Result": 2, "End": True}})], "ResultSelector": {"first.$": "$[0]"}, "ResultPath": "$.r", "End": True}}), {"k": 0}, ok({"k": 0, "r": {"first": 1}}))
case("parallel-branch-fails", "A failing branch fails the Parallel state with its error", sm({"Par": {"Type": "Parallel", "Branches": [sm({"A": {"Type": "Pass", "End": True}}), sm({"B": {"Type": "Fail", "Error": "BranchBroke"}})], "End": True}}), {}, failed("BranchBroke"))
case("parallel-catch", "Parallel can catch a branch's error", sm({"Par": {"Type": "Parallel", "Branches": [sm({"B": {"Type": "Fail", "Error": "BranchBroke", "Cause": "c"}})], "Catch": [{"ErrorEquals": ["BranchBroke"], "Next": "H"}], "End": True}, "H": {"Type": "Pass", "End": True}}), {}, ok({"Error": "BranchBroke", "Cause": "c"}))
case("parallel-events", "Parallel records its start and success", sm({"Par": {"Type": "Parallel", "Branches": [sm({"A": {"Type": "Pass", "End": True}})], "End": True}}), {},
     ok([{}], ["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited", "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"]))

# --- Map
case("map", "Map runs the processor per item, results in order", sm({"M": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": sm({"Add": {"Type": "Task", "Resource": F + "corpus-add", "End": True}}), "End": True}}), {"items": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]}, ok([3, 7]))
case("map-item-selector", "ItemSelector sees $$.Map.Item.Index and Value", sm({"M": {"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"i.$": "$$.Map.Item.Index", "v.$": "$$.Map.Item.Value", "k.$": "$.k"}, "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), {"items": ["x", "y"], "k": 9}, ok([{"i": 0, "v": "x", "k": 9}, {"i": 1, "v": "y", "k": 9}]))
case("map-legacy-iterator", "The older Iterator and Parameters fields still work", sm({"M": {"Type": "Map", "ItemsPath": "$.items", "Parameters": {"value.$": "$$.Map.Item.Value"}, "MaxConcurrency": 0, "Iterator": sm({"P": {"Type": "Pass", "OutputPath": "$.value", "End": True}}), "End": True}}), {"items": [1, 2, 3]}, ok([1, 2, 3]))
case("map-max-concurrency", "MaxConcurrency 1 runs items one at a time, in order", sm({"M": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), [5, 6], ok([5, 6]))
case("map-empty", "An empty array gives an empty result", sm({"M": {"Type": "Map", "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), [], ok([], ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]))
case("map-events", "Map records its iterations", sm({"M": {"Type": "Map", "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), [1], ok([1],
     ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]))
case("map-not-array", "ItemsPath must point to an array", sm({"M": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), {"items": {"a": 1}}, failed("States.Runtime"))
case("map-iteration-fails", "A failing iteration fails the Map with its error", sm({"M": {"Type": "Map", "ItemProcessor": sm({"T": {"Type": "Task", "Resource": F + "corpus-raise", "End": True}}), "End": True}}), [{"errorType": "ItemError"}], failed("ItemError"))
case("map-tolerated-count", "ToleratedFailureCount lets failed items through as their errors", sm({"M": {"Type": "Map", "ToleratedFailureCount": 1, "ItemProcessor": sm({"C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "P"}, "F": {"Type": "Fail", "Error": "Two", "Cause": "two"}, "P": {"Type": "Pass", "End": True}}), "End": True}}), [1, 2, 3], ok([1, {"Error": "Two", "Cause": "two"}, 3]))
case("map-tolerated-exceeded", "More failures than tolerated fail the Map", sm({"M": {"Type": "Map", "ToleratedFailurePercentage": 10, "ItemProcessor": sm({"F": {"Type": "Fail", "Error": "Always"}}), "End": True}}), [1, 2], failed("States.ExceedToleratedFailureThreshold"))
case("map-nested", "A Map inside a Map", sm({"Outer": {"Type": "Map", "ItemProcessor": sm({"Inner": {"Type": "Map", "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), "End": True}}), [[1, 2], [3]], ok([[1, 2], [3]]))

# --- Execution timeout and invalid definitions
case("execution-timeout", "TimeoutSeconds of the state machine times the execution out", sm({"T": {"Type": "Task", "Resource": F + "corpus-sleep", "End": True}}, TimeoutSeconds=1), {"seconds": 3}, {"status": "TIMED_OUT", "error": "States.Timeout"})
case("invalid-missing-states", "States is required", {"StartAt": "A"}, {}, invalid("These fields are required: [States]"))
case("invalid-missing-next-target", "Next must name a state", sm({"A": {"Type": "Pass", "Next": "Nowhere"}}), {}, invalid("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next", "MISSING_END_STATE: Workflow has no terminal state"))
case("invalid-next-and-end", "Next and End together", sm({"A": {"Type": "Pass", "Next": "A", "End": True}}), {}, invalid("cannot have both 'Next' and 'End'"))
case("invalid-unknown-type", "An unknown Type", sm({"A": {"Type": "Teleport", "End": True}}), {}, invalid("Unknown state type 'Teleport' at /States/A/Type"))
case("invalid-unknown-field", "A field a state does not take", sm({"A": {"Type": "Pass", "Resource": "x", "End": True}}), {}, invalid("Field 'Resource' is not supported at /States/A/Resource"))
case("invalid-states-all-not-last", "States.ALL must be last", sm({"T": {"Type": "Task", "Resource": F + "corpus-identity", "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}], "End": True}}), {}, invalid("States.ALL must appear alone in the last element's ErrorEquals at /States/T/Retry/0/ErrorEquals"))
case("invalid-wait-two-durations", "Wait needs exactly one duration", sm({"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": True}}), {}, invalid("exactly one of"))
case("invalid-bad-choice-operator", "An unknown Choice operator", sm({"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringIsNice": "x", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}), {}, invalid("/States/C/Choices/0"))
case("invalid-parameters-path", "A .$ field must hold a path or an intrinsic", sm({"P": {"Type": "Pass", "Parameters": {"x.$": "not a path"}, "End": True}}), {}, invalid("at /States/P/Parameters/x.$"))
case("invalid-resource", "Only Lambda resources are supported", sm({"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": True}}), {}, invalid("is not supported"))
case("invalid-branch-target", "Branch states are checked too", sm({"Par": {"Type": "Parallel", "Branches": [sm({"A": {"Type": "Pass", "Next": "Gone"}})], "End": True}}), {}, invalid("Missing 'Next' target: Gone at /States/Par/Branches/0/States/A/Next"))
case("invalid-unreachable-state", "Every state must be reachable from StartAt", sm({"A": {"Type": "Pass", "End": True}, "Orphan": {"Type": "Pass", "End": True}}), {}, invalid('MISSING_TRANSITION_TARGET: State "Orphan" is not reachable. at /States/Orphan'))
case("invalid-no-terminal-state", "A workflow needs a terminal state; without one, unreachable states are not reported", sm({"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}, "C": {"Type": "Pass", "Next": "A"}}), {}, invalid("MISSING_END_STATE: Workflow has no terminal state"))
case("invalid-unreachable-in-branch", "States of a Parallel branch must be reachable from the branch's StartAt", sm({"P": {"Type": "Parallel", "End": True, "Branches": [sm({"X": {"Type": "Succeed"}, "Y": {"Type": "Succeed"}})]}}), {}, invalid('MISSING_TRANSITION_TARGET: State "Y" is not reachable. at /States/P/Branches/0/States/Y'))

# --- Fail with intrinsic paths
case("fail-intrinsic-error-and-cause", "A Fail state's ErrorPath and CausePath may be intrinsic function calls", sm({"F": {"Type": "Fail", "ErrorPath": "States.Format('{}.Failed', $.kind)", "CausePath": "States.Format('Order {} could not be paid', $.id)"}}), {"kind": "Payment", "id": 7}, failed("Payment.Failed", "Order 7 could not be paid"))
case("invalid-fail-intrinsic", "An unknown intrinsic function in CausePath is refused", sm({"F": {"Type": "Fail", "Error": "E", "CausePath": "States.Nope($.x)"}}), {}, invalid("CausePath"))

# --- JSONPath beyond reference paths: indefinite paths (wildcards, slices, filters, deep scan) give arrays
ITEMS = [{"id": "a", "price": 5}, {"id": "b", "price": 12}, {"id": "c", "price": 30}]
case("path-wildcard", "A wildcard path in Parameters yields every match as an array", sm({"P": {"Type": "Pass", "Parameters": {"ids.$": "$.items[*].id"}, "End": True}}), {"items": ITEMS}, ok({"ids": ["a", "b", "c"]}))
case("path-slice", "A slice in InputPath yields an array of the items it covers", sm({"P": {"Type": "Pass", "InputPath": "$.items[0:2]", "End": True}}), {"items": ITEMS}, ok(ITEMS[0:2]))
case("path-filter", "A filter expression yields the matching items as an array", sm({"P": {"Type": "Pass", "Parameters": {"dear.$": "$.items[?(@.price > 10)]", "ids.$": "$.items[?(@.price > 10)].id"}, "End": True}}), {"items": ITEMS}, ok({"dear": ITEMS[1:], "ids": ["b", "c"]}))
case("path-filter-no-match", "A filter that matches nothing yields an empty array, not an error", sm({"P": {"Type": "Pass", "Parameters": {"none.$": "$.items[?(@.price > 100)]"}, "End": True}}), {"items": ITEMS}, ok({"none": []}))
case("path-deep-scan-and-negative-slice", "Deep scan and a slice from the end", sm({"P": {"Type": "Pass", "Parameters": {"prices.$": "$..price", "last.$": "$.items[-1:]", "one.$": "$.items[1]"}, "End": True}}), {"items": ITEMS}, ok({"prices": [5, 12, 30], "last": ITEMS[2:], "one": ITEMS[1]}))
case("path-filter-in-output-path", "A filter in OutputPath and a wildcard in a Map's ItemSelector", sm({"M": {"Type": "Map", "ItemsPath": "$.orders", "ItemSelector": {"skus.$": "$$.Map.Item.Value.lines[*].sku"}, "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "ResultPath": "$.picked", "OutputPath": "$.picked[?(@.skus)]", "End": True}}), {"orders": [{"lines": [{"sku": "x"}, {"sku": "y"}]}, {"lines": [{"sku": "z"}]}]}, ok([{"skus": ["x", "y"]}, {"skus": ["z"]}]))

# --- Wait given a bad value by a path (causes as AWS words them)
case("wait-seconds-path-negative", "A SecondsPath that gives a negative number fails the execution", sm({"W": {"Type": "Wait", "SecondsPath": "$.s", "End": True}}), {"s": -5}, failed("States.Runtime", "An error occurred while executing the state 'W' (entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -5"))
case("wait-timestamp-path-bad", "A TimestampPath that gives no ISO-8601 date-time fails the execution", sm({"W": {"Type": "Wait", "TimestampPath": "$.t", "End": True}}), {"t": "2026-01-01 10:00"}, failed("States.Runtime", "An error occurred while executing the state 'W' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2026-01-01 10:00"))

# --- Map in DISTRIBUTED mode over the items of the input (no S3): a map run of child workflows
def dmap(**fields):
    m = {"Type": "Map", "ItemProcessor": dict(fields.pop("processor", sm({"P": {"Type": "Pass", "End": True}})), ProcessorConfig={"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}), "End": True}
    m.update(fields)
    return sm({"M": m})
FAIL_ON_2 = sm({"C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "P"}, "F": {"Type": "Fail", "Error": "Two", "Cause": "two"}, "P": {"Type": "Pass", "End": True}})
case("map-distributed", "A distributed Map runs its items as a map run; the children's events stay out of the parent's history", dmap(ItemsPath="$.items", ItemSelector={"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"}, MaxConcurrency=1), {"items": ["Hello", "World"]},
     ok([{"v": "Hello", "i": 0}, {"v": "World", "i": 1}], ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"]))
case("map-distributed-tolerated-count", "A distributed Map lets failed children through as their errors within ToleratedFailureCount", dmap(ToleratedFailureCount=1, Label="Orders", processor=FAIL_ON_2), [1, 2, 3], ok([1, {"Error": "Two", "Cause": "two"}, 3]))
case("map-distributed-tolerance-exceeded", "More failed children than ToleratedFailurePercentage allows fail the map run", dmap(ToleratedFailurePercentage=40, processor=FAIL_ON_2), [1, 2],
     failed("States.ExceedToleratedFailureThreshold", None, ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed"]))
case("map-distributed-either-threshold", "With both thresholds set, exceeding either fails the map run", dmap(ToleratedFailureCount=5, ToleratedFailurePercentage=10, processor=FAIL_ON_2), [2, 2, 1], failed("States.ExceedToleratedFailureThreshold"))
case("map-distributed-no-tolerance", "Without a tolerance one failed child fails the map run", dmap(processor=FAIL_ON_2), [1, 2, 3], failed("States.ExceedToleratedFailureThreshold"))
case("map-distributed-item-batcher", "ItemBatcher gives each child a batch of items with the BatchInput", dmap(ItemBatcher={"MaxItemsPerBatch": 2, "BatchInput": {"k.$": "$.k"}}, ItemsPath="$.items"), {"items": [1, 2, 3], "k": "x"},
     ok([{"BatchInput": {"k": "x"}, "Items": [1, 2]}, {"BatchInput": {"k": "x"}, "Items": [3]}]))
case("map-distributed-tolerance-path-negative", "A ToleratedFailureCountPath that gives a negative number fails the Map", dmap(ToleratedFailureCountPath="$.n", ItemsPath="$.items"), {"items": [1], "n": -1},
     failed("States.Runtime", "An error occurred while executing the state 'M' (entered at the event id #2). ToleratedFailureCount cannot be negative."))
case("map-distributed-tolerance-path-not-number", "A ToleratedFailurePercentagePath that gives no number fails the Map", dmap(ToleratedFailurePercentagePath="$.p", ItemsPath="$.items"), {"items": [1], "p": "NoNumber"},
     failed("States.Runtime", 'An error occurred while executing the state \'M\' (entered at the event id #2). The ToleratedFailurePercentagePath field refers to value "NoNumber" which is not a valid float: $.p'))
case("invalid-map-item-reader", "ItemReader needs Amazon S3, which the platform does not have", dmap(ItemReader={"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "k"}}), {}, invalid("reads or writes Amazon S3"))
case("invalid-map-distributed-without-execution-type", "A DISTRIBUTED Map needs an ExecutionType", sm({"M": {"Type": "Map", "ItemProcessor": dict(sm({"P": {"Type": "Pass", "End": True}}), ProcessorConfig={"Mode": "DISTRIBUTED"}), "End": True}}), {}, invalid("ExecutionType"))
case("invalid-map-inline-label", "Label is for DISTRIBUTED mode only", sm({"M": {"Type": "Map", "Label": "x", "ItemProcessor": sm({"P": {"Type": "Pass", "End": True}}), "End": True}}), {}, invalid("only supported in DISTRIBUTED mode"))

for f in os.listdir(OUT):
    if f.endswith(".json"): os.remove(os.path.join(OUT, f))
for i, (name, spec) in enumerate(cases, 1):
    with open(os.path.join(OUT, "%03d-%s.json" % (i, name)), "w") as fh:
        json.dump(spec, fh, indent=2)
        fh.write("\n")
with open(os.path.join(OUT, "index.txt"), "w") as fh:
    for i, (name, spec) in enumerate(cases, 1):
        fh.write("%03d-%s.json\n" % (i, name))
print(len(cases))
