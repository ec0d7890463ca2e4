#!/usr/bin/env python3
"""Writes the corpus of malformed requests (src/test/resources/corpus/malformed-requests.jsonl).

Each line is one request a careless or hostile client might send to the platform, and what AWS
answers it with: the HTTP status and the error code. MalformedRequestsIT signs and sends every one.
The requests name the resources the test creates first: the function corpus-target (with alias
live), the log group corpus-group with stream corpus-stream, and the state machine corpus-machine.
Run it again after changing it: python3 platform/corpus/generate.py
"""
import hashlib
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "corpus",
                   "malformed-requests.jsonl")
ACCOUNT = "000000000000"
FN = "corpus-target"
SM_ARN = f"arn:aws:states:us-east-1:{ACCOUNT}:stateMachine:corpus-machine"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/corpus"
cases = []


def case(name, api, method, path, body, status, code, target=None, headers=None):
    cases.append({"name": name, "api": api, "method": method, "path": path, "target": target,
                  "headers": headers or {}, "body": body, "status": status, "code": code})


# ---------------------------------------------------------------- Lambda (rest-json)
L = "/2015-03-31/functions"
good_create = {"FunctionName": "corpus-new", "Runtime": "python3.12", "Handler": "app.handler",
               "Role": ROLE, "Code": {"ZipFile": "UEsDBBQAAAAAAJKpfV3HAbXuIAAAACAAAAAGAAAAYXBwLnB5ZGVmIGhhbmRsZXIoZSwgYyk6CiAgICByZXR1cm4gMQpQSwECFAMUAAAAAACSqX1dxwG17iAAAAAgAAAABgAAAAAAAAAAAAAAgAEAAAAAYXBwLnB5UEsFBgAAAAABAAEANAAAAEQAAAAAAA=="}}
IPV = "InvalidParameterValueException"
VAL = "ValidationException"
NF = "ResourceNotFoundException"


def create_with(name, change, status, code):
    body = dict(good_create)
    body.update(change)
    for k, v in list(body.items()):
        if v is None:
            del body[k]
    case("CreateFunction " + name, "lambda", "POST", L, json.dumps(body), status, code)


for text in ["{", "not json", "[]", "\"a string\"", "{\"FunctionName\": }", "{}{}", "null", "123"]:
    case("CreateFunction body " + repr(text), "lambda", "POST", L, text, 400,
         "InvalidRequestContentException" if text not in ("{}{}",) else "InvalidRequestContentException")
create_with("without FunctionName", {"FunctionName": None}, 400, VAL)
create_with("without Role", {"Role": None}, 400, VAL)
create_with("without Code", {"Code": None}, 400, IPV)
create_with("without Runtime", {"Runtime": None}, 400, IPV)
create_with("without Handler", {"Handler": None}, 400, IPV)
for bad in ["has space", "a/b", "a..b", "x" * 65, "", "fn:1:2:3", "Ω", "../../etc/passwd", "a%00b",
            "arn:aws:lambda:us-east-1:000000000000:function:"]:
    create_with("FunctionName " + repr(bad[:20]), {"FunctionName": bad}, 400, VAL)
for field, value in [("MemorySize", "big"), ("MemorySize", 127), ("MemorySize", 10241),
                     ("MemorySize", -1), ("MemorySize", 1.5), ("Timeout", 0), ("Timeout", 901),
                     ("Timeout", "1"), ("Timeout", -5), ("Runtime", "cobol"), ("Runtime", 3),
                     ("Handler", "x" * 129), ("Handler", 7), ("Role", "not-an-arn"),
                     ("Role", "arn:aws:iam::1:user/x"), ("Role", 5), ("Description", "d" * 257),
                     ("Code", "zip"), ("Code", {"ZipFile": "%%%"}),
                     ("Code", {"ZipFile": "aGVsbG8="}), ("Code", {"ZipFile": 5}),
                     ("Code", {"S3Bucket": "b", "S3Key": "k"}), ("Code", {"ImageUri": "x"}),
                     ("Environment", {"Variables": "x"}), ("Environment", {"Variables": {"1BAD": "v"}}),
                     ("Environment", "x"),
                     ("Environment", {"Variables": {"AWS_REGION": "eu-west-1"}}),
                     ("Architectures", ["sparc"]), ("Architectures", ["x86_64", "arm64"]),
                     ("Architectures", "x86_64"), ("Architectures", []),
                     ("EphemeralStorage", {"Size": 100}), ("EphemeralStorage", {"Size": 20000}),
                     ("EphemeralStorage", {"Size": "big"}), ("EphemeralStorage", 512),
                     ("PackageType", "Image"), ("PackageType", "Rocket"),
                     ("LoggingConfig", {"LogFormat": "XML"}), ("LoggingConfig", "JSON"),
                     ("TracingConfig", {"Mode": "Sometimes"}), ("Publish", "yes"),
                     ("Layers", "arn"), ("Layers", ["not-an-arn"]),
                     ("DeadLetterConfig", {"TargetArn": "nope"}), ("KMSKeyArn", "nope"),
                     ("VpcConfig", "x"), ("Tags", "x"), ("Tags", {"k": 5}),
                     ("SnapStart", {"ApplyOn": "Sometimes"})]:
    create_with(f"{field}={json.dumps(value)[:30]}", {field: value}, 400,
                IPV if field not in ("FunctionName",) else VAL)
case("CreateFunction of a taken name", "lambda", "POST", L,
     json.dumps(dict(good_create, FunctionName=FN)), 409, "ResourceConflictException")

for name in ["no-such-function", "has space", "a" * 200, "..", "%2e%2e", "a%2Fb", "%00",
             f"arn:aws:lambda:us-east-1:999999999999:function:{FN}",
             f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:{FN}",
             f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:{FN}:1:2",
             f"arn:aws:s3:::{FN}", f"arn:aws:lambda:us-east-1:{ACCOUNT}:layer:{FN}"]:
    path_name = name if "%" in name else name.replace(" ", "%20")
    expected = (404, NF) if name == "no-such-function" else None
    for op, method, suffix in [("GetFunction", "GET", ""), ("GetFunctionConfiguration", "GET", "/configuration"),
                               ("Invoke", "POST", "/invocations"), ("DeleteFunction", "DELETE", ""),
                               ("ListVersionsByFunction", "GET", "/versions")]:
        status, code = expected or (400, VAL) if name not in (
            f"arn:aws:lambda:us-east-1:999999999999:function:{FN}",
            f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:{FN}") else (None, None)
        case(f"{op} of {name[:40]!r}", "lambda", method, f"{L}/{path_name}{suffix}",
             "{}" if method == "POST" else "", status, code)

for q in ["%24LATEST2", "0", "-1", "99", "a b", "x" * 129, "%24LATEST%24"]:
    case(f"GetFunction qualifier {q!r}", "lambda", "GET", f"{L}/{FN}?Qualifier={q.replace(' ', '%20')}",
         "", None, None)
    case(f"Invoke qualifier {q!r}", "lambda", "POST", f"{L}/{FN}/invocations?Qualifier={q.replace(' ', '%20')}",
         "{}", None, None)
for hdr, value in [("X-Amz-Invocation-Type", "Sometimes"), ("X-Amz-Log-Type", "Everything"),
                   ("X-Amz-Client-Context", "%%%not-base64"), ("X-Amz-Client-Context", "bm90IGpzb24=")]:
    case(f"Invoke with {hdr}: {value}", "lambda", "POST", f"{L}/{FN}/invocations", "{}", None, None,
         headers={hdr: value})
for payload in ["{", "not json", "{\"a\":}", "\u0000"]:
    case(f"Invoke payload {payload!r}", "lambda", "POST", f"{L}/{FN}/invocations", payload, 400,
         "InvalidRequestContentException")
case("Invoke payload over 6 MB", "lambda", "POST", f"{L}/{FN}/invocations",
     {"repeat": "x", "count": 6_300_000, "prefix": "\"", "suffix": "\""}, 413, "RequestEntityTooLargeException")
case("Invoke Event payload over 1 MB", "lambda", "POST", f"{L}/{FN}/invocations",
     {"repeat": "x", "count": 1_100_000, "prefix": "\"", "suffix": "\""}, 413,
     "RequestEntityTooLargeException", headers={"X-Amz-Invocation-Type": "Event"})

for field, value in [("MemorySize", 1), ("MemorySize", "x"), ("Timeout", 1000), ("Runtime", "cobol"),
                     ("Handler", ""), ("Role", "nope"), ("Environment", {"Variables": {"=": "v"}}),
                     ("EphemeralStorage", {"Size": 1}), ("RevisionId", "not-the-revision"),
                     ("LoggingConfig", {"LogFormat": "Binary"})]:
    case(f"UpdateFunctionConfiguration {field}={json.dumps(value)[:30]}", "lambda", "PUT",
         f"{L}/{FN}/configuration", json.dumps({field: value}),
         412 if field == "RevisionId" else 400,
         "PreconditionFailedException" if field == "RevisionId" else IPV)
for body in [{}, {"ZipFile": "%%%"}, {"ZipFile": "aGVsbG8="}, {"ZipFile": 5}, {"S3Bucket": "b"},
             {"ZipFile": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "RevisionId": "stale"}]:
    case(f"UpdateFunctionCode {json.dumps(body)[:40]}", "lambda", "PUT", f"{L}/{FN}/code",
         json.dumps(body), None, None)
for body in [{}, {"Name": "live2"}, {"FunctionVersion": "1"}, {"Name": "has space", "FunctionVersion": "1"},
             {"Name": "1", "FunctionVersion": "1"}, {"Name": "x" * 129, "FunctionVersion": "1"},
             {"Name": "a", "FunctionVersion": "77"}, {"Name": "live", "FunctionVersion": "1"},
             {"Name": "b", "FunctionVersion": "1", "RoutingConfig": {"AdditionalVersionWeights": {"1": 2}}},
             {"Name": "c", "FunctionVersion": "1", "RoutingConfig": {"AdditionalVersionWeights": {"x": 0.5}}},
             {"Name": "has/slash", "FunctionVersion": "1"}]:
    case(f"CreateAlias {json.dumps(body)[:60]}", "lambda", "POST", f"{L}/{FN}/aliases",
         json.dumps(body), None, None)
for alias in ["no-such-alias", "has%20space", "x" * 129]:
    case(f"GetAlias {alias[:30]!r}", "lambda", "GET", f"{L}/{FN}/aliases/{alias}", "", None, None)
    case(f"UpdateAlias {alias[:30]!r}", "lambda", "PUT", f"{L}/{FN}/aliases/{alias}",
         json.dumps({"FunctionVersion": "1"}), None, None)
for body in [{}, {"ReservedConcurrentExecutions": -1}, {"ReservedConcurrentExecutions": "x"},
             {"ReservedConcurrentExecutions": 100000}]:
    case(f"PutFunctionConcurrency {json.dumps(body)}", "lambda", "PUT", f"{L}/{FN}/concurrency",
         json.dumps(body), None, None)
for query in ["MaxItems=0", "MaxItems=10001", "MaxItems=abc", "Marker=%%%", "Marker=not-a-marker",
              "FunctionVersion=SOME", "MasterRegion=nowhere"]:
    case(f"ListFunctions ?{query}", "lambda", "GET", f"{L}/?{query}", "", None, None)
for method, path in [("PATCH", f"{L}/{FN}"), ("PUT", L), ("DELETE", L), ("POST", f"{L}/{FN}"),
                     ("GET", "/2015-03-31/nothing"), ("GET", "/2099-01-01/functions"),
                     ("POST", f"{L}/{FN}/unknown-action"), ("GET", f"{L}/{FN}/configuration/extra"),
                     ("POST", f"{L}/{FN}/versions/1/x")]:
    case(f"{method} {path}", "lambda", method, path, "{}" if method != "GET" else "", None, None)
case("PublishVersion with a stale RevisionId", "lambda", "POST", f"{L}/{FN}/versions",
     json.dumps({"RevisionId": "stale"}), 412, "PreconditionFailedException")
case("PublishVersion with a wrong CodeSha256", "lambda", "POST", f"{L}/{FN}/versions",
     json.dumps({"CodeSha256": "nope"}), 412, "PreconditionFailedException")

# ---------------------------------------------------------------- CloudWatch Logs (json 1.1)
def named(prefix, text):
    """A short, stable name for a request whose body may be long: its start and a digest."""
    return f"{prefix} {text[:80]} #{hashlib.sha1(text.encode()).hexdigest()[:6]}"


def logs(op, body, status=400, code="InvalidParameterException", raw=False):
    text = body if raw else json.dumps(body)
    case(named("Logs " + op, text), "logs", "POST", "/", text, status, code,
         target="Logs_20140328." + op)


for op in ["CreateLogGroup", "CreateLogStream", "PutLogEvents", "GetLogEvents", "FilterLogEvents",
           "DescribeLogStreams", "DeleteLogGroup", "PutRetentionPolicy", "DescribeLogGroups"]:
    for raw in ["{", "not json", "[1]", "\"s\""]:
        logs(op, raw, 400, "SerializationException", raw=True)
for name in ["", "has space", "a" * 513, "bad*chars", "tab\there", "{}", "x:y?", "é", "aws/reserved"]:
    logs("CreateLogGroup", {"logGroupName": name})
for name in ["", "a" * 513, "bad*chars", "x:y", "*", ":"]:
    logs("CreateLogStream", {"logGroupName": "corpus-group", "logStreamName": name})
logs("CreateLogGroup", {})
logs("CreateLogGroup", {"logGroupName": 5}, 400, "SerializationException")
logs("CreateLogGroup", {"logGroupName": "corpus-group"}, 400, "ResourceAlreadyExistsException")
logs("CreateLogStream", {"logGroupName": "corpus-group", "logStreamName": "corpus-stream"}, 400,
     "ResourceAlreadyExistsException")
logs("CreateLogStream", {"logGroupName": "no-such-group", "logStreamName": "s"}, 400, "ResourceNotFoundException")
logs("DeleteLogGroup", {"logGroupName": "no-such-group"}, 400, "ResourceNotFoundException")
logs("DeleteLogGroup", {})
for days in [0, 2, -1, 10000, "x", None]:
    logs("PutRetentionPolicy", {"logGroupName": "corpus-group", "retentionInDays": days})
logs("PutRetentionPolicy", {"logGroupName": "no-such-group", "retentionInDays": 7}, 400, "ResourceNotFoundException")
for events in [[], "x", [{"timestamp": 1}], [{"message": "m"}], [{"timestamp": "t", "message": "m"}],
               [{"timestamp": 2000000000000, "message": "b"}, {"timestamp": 1000000000000, "message": "a"}]]:
    logs("PutLogEvents", {"logGroupName": "corpus-group", "logStreamName": "corpus-stream", "logEvents": events})
logs("PutLogEvents", {"logGroupName": "corpus-group", "logStreamName": "no-such-stream",
                      "logEvents": [{"timestamp": 1, "message": "m"}]}, 400, "ResourceNotFoundException")
logs("PutLogEvents", {"logGroupName": "no-such-group", "logStreamName": "s",
                      "logEvents": [{"timestamp": 1, "message": "m"}]}, 400, "ResourceNotFoundException")
logs("PutLogEvents", {"logGroupName": "corpus-group"})
for token in ["x", "f/", "b/abc", "f/-1x", "z/1", "%%%", "f/99999999999999999999999"]:
    logs("GetLogEvents", {"logGroupName": "corpus-group", "logStreamName": "corpus-stream", "nextToken": token})
    logs("FilterLogEvents", {"logGroupName": "corpus-group", "nextToken": token})
    logs("DescribeLogStreams", {"logGroupName": "corpus-group", "nextToken": token})
for limit in [0, -1, 10001, "x"]:
    logs("GetLogEvents", {"logGroupName": "corpus-group", "logStreamName": "corpus-stream", "limit": limit})
    logs("FilterLogEvents", {"logGroupName": "corpus-group", "limit": limit})
    logs("DescribeLogGroups", {"limit": limit})
logs("GetLogEvents", {"logGroupName": "corpus-group"})
logs("GetLogEvents", {"logGroupName": "corpus-group", "logStreamName": "no-such-stream"}, 400, "ResourceNotFoundException")
logs("FilterLogEvents", {"logGroupName": "no-such-group"}, 400, "ResourceNotFoundException")
logs("FilterLogEvents", {"logGroupName": "corpus-group", "filterPattern": "\"unclosed"})
logs("FilterLogEvents", {"logGroupName": "corpus-group", "logStreamNames": "s"})
logs("FilterLogEvents", {"logGroupName": "corpus-group", "startTime": "yesterday"})
logs("DescribeLogStreams", {"logGroupName": "corpus-group", "orderBy": "Size"})
logs("DescribeLogStreams", {"logGroupName": "no-such-group"}, 400, "ResourceNotFoundException")
logs("NoSuchOperation", {}, 400, "UnknownOperationException")
case("Logs without X-Amz-Target", "logs", "POST", "/", "{}", 400, "UnknownOperationException")

# ---------------------------------------------------------------- Step Functions (json 1.0)
def sfn(op, body, status=400, code="ValidationException", raw=False):
    text = body if raw else json.dumps(body)
    case(named("SFN " + op, text), "sfn", "POST", "/", text, status, code,
         target="AWSStepFunctions." + op)


for op in ["CreateStateMachine", "StartExecution", "DescribeExecution", "GetExecutionHistory",
           "ListExecutions", "StopExecution", "DescribeStateMachine"]:
    for raw in ["{", "nope", "[]"]:
        sfn(op, raw, 400, "SerializationException", raw=True)
PASS = {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}
for definition, label in [("{", "broken JSON"), ("[]", "an array"), (json.dumps({}), "empty"),
                          (json.dumps({"StartAt": "A"}), "no States"),
                          (json.dumps({"States": PASS["States"]}), "no StartAt"),
                          (json.dumps({"StartAt": "B", "States": PASS["States"]}), "StartAt missing state"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Teleport", "End": True}}}), "unknown type"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Z"}}}), "Next to nothing"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass"}}}), "neither Next nor End"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True, "Next": "A"}}}), "Next and End"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Task", "End": True}}}), "Task without Resource"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Wait", "End": True}}}), "Wait without time"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": []}}}), "Choice without choices"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True, "InputPath": "not.a.path"}}}), "bad InputPath"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True, "Parameters": {"x.$": "States.Nope()"}}}}), "unknown intrinsic"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Map", "End": True}}}), "Map without processor"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": True, "Branches": []}}}), "Parallel without branches"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Fail", "Next": "A"}}}), "Fail with Next"),
                          (json.dumps({"StartAt": "A", "TimeoutSeconds": -1, "States": PASS["States"]}), "negative timeout"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:0:function:f", "End": True, "Retry": [{"ErrorEquals": []}]}}}), "Retry without errors"),
                          (json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}, "Extra": 1}), "unknown top-level field")]:
    sfn("CreateStateMachine", {"name": "corpus-" + label.replace(" ", "-")[:40], "definition": definition,
                               "roleArn": ROLE}, 400, "InvalidDefinition")
for name in ["", "has space", "a" * 81, "bad<name>", "a/b", "x*y"]:
    sfn("CreateStateMachine", {"name": name, "definition": json.dumps(PASS), "roleArn": ROLE}, 400, "InvalidName")
for role in ["", "nope"]:
    sfn("CreateStateMachine", {"name": "corpus-role", "definition": json.dumps(PASS), "roleArn": role}, 400, "InvalidArn")
sfn("CreateStateMachine", {"name": "corpus-type", "definition": json.dumps(PASS), "roleArn": ROLE, "type": "FAST"})
sfn("CreateStateMachine", {"definition": json.dumps(PASS), "roleArn": ROLE})
sfn("CreateStateMachine", {"name": "corpus-machine", "definition": json.dumps({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}), "roleArn": ROLE}, 400, "StateMachineAlreadyExists")
for arn in ["", "nope", "arn:aws:states:us-east-1:000000000000:stateMachine:", "arn:aws:lambda:us-east-1:000000000000:function:f",
            "arn:aws:states:us-east-1:000000000000:stateMachine:no-such-machine"]:
    code = "StateMachineDoesNotExist" if arn.endswith("no-such-machine") else "InvalidArn"
    sfn("StartExecution", {"stateMachineArn": arn}, 400, code)
    sfn("DescribeStateMachine", {"stateMachineArn": arn}, 400, code)
    sfn("ListExecutions", {"stateMachineArn": arn}, 400, code)
for input_text in ["{", "not json", "\"unterminated"]:
    sfn("StartExecution", {"stateMachineArn": SM_ARN, "input": input_text}, 400, "InvalidExecutionInput")
sfn("StartExecution", {"stateMachineArn": SM_ARN, "input": json.dumps({"x": "y" * 262_200})}, 400, "InvalidExecutionInput")
for name in ["has space", "a" * 81, "bad<>", "x?y"]:
    sfn("StartExecution", {"stateMachineArn": SM_ARN, "name": name}, 400, "InvalidName")
sfn("StartExecution", {"stateMachineArn": SM_ARN, "input": 5})
for arn in ["", "nope", "arn:aws:states:us-east-1:000000000000:execution:corpus-machine",
            "arn:aws:states:us-east-1:000000000000:execution:corpus-machine:no-such-execution"]:
    code = "ExecutionDoesNotExist" if arn.endswith("no-such-execution") else "InvalidArn"
    sfn("DescribeExecution", {"executionArn": arn}, 400, code)
    sfn("GetExecutionHistory", {"executionArn": arn}, 400, code)
    sfn("StopExecution", {"executionArn": arn}, 400, code)
for body in [{"maxResults": -1}, {"maxResults": 1001}, {"maxResults": "x"}, {"nextToken": "%%%"},
             {"nextToken": "not-a-token"}]:
    sfn("ListExecutions", dict(body, stateMachineArn=SM_ARN), 400, "InvalidToken" if "nextToken" in body else "ValidationException")
    sfn("ListStateMachines", body, 400, "InvalidToken" if "nextToken" in body else "ValidationException")
sfn("ListExecutions", {"stateMachineArn": SM_ARN, "statusFilter": "SLEEPING"})
sfn("UpdateStateMachine", {"stateMachineArn": SM_ARN, "definition": "{"}, 400, "InvalidDefinition")
sfn("UpdateStateMachine", {"stateMachineArn": SM_ARN})
sfn("NoSuchOperation", {}, 400, "UnknownOperationException")

# ---------------------------------------------------------------- wrap up
# The answers above are first guesses; reviewed-answers.json (name -> [status, code]) holds the
# answers as reviewed against AWS's documented behaviour, and they take precedence.
REVIEWED = os.path.join(os.path.dirname(__file__), "reviewed-answers.json")
reviewed = json.load(open(REVIEWED)) if os.path.exists(REVIEWED) else {}
for c in cases:
    if c["name"] in reviewed:
        c["status"], c["code"] = reviewed[c["name"]]
names = [c["name"] for c in cases]
assert len(names) == len(set(names)), "case names must be unique"
open_cases = [c["name"] for c in cases if c["status"] is None]
if open_cases:
    print(len(open_cases), "requests have no reviewed answer yet, e.g.", open_cases[:3])
with open(OUT, "w") as f:
    for c in cases:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases), "requests written to", os.path.normpath(OUT))
