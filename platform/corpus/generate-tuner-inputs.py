#!/usr/bin/env python3
"""Writes the corpus of malformed tuner inputs
(tuner-functions/src/test/resources/corpus/malformed-inputs.jsonl): each line is an execution input
the tuner must refuse, and the field its error must name. MalformedInputsTest reads every one.
Run it again after changing it: python3 platform/corpus/generate-tuner-inputs.py
"""
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tuner-functions", "src", "test",
                   "resources", "corpus", "malformed-inputs.jsonl")
ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-fn"
cases = []


def bad(name, fields, field, base=True):
    value = dict({"lambdaARN": ARN, "num": 10} if base else {}, **fields)
    value = {k: v for k, v in value.items() if v is not ...}
    cases.append({"name": name, "input": value, "field": field})


cases.append({"name": "not an object", "input": [1, 2], "field": "input"})
cases.append({"name": "a string", "input": "lambdaARN", "field": "input"})
cases.append({"name": "null", "input": None, "field": "input"})
bad("no lambdaARN", {"lambdaARN": ...}, "lambdaARN")
for arn in ["", "my fn", "arn:aws:s3:::bucket", "arn:aws:lambda:us-east-1:123:function:f",
            "arn:aws:lambda:nowhere:123456789012:function:f", "arn:aws:lambda:us-east-1:123456789012:layer:f",
            "arn:aws:lambda:us-east-1:123456789012:function:", "arn:aws:lambda:us-east-1:123456789012:function:f:1:2",
            "x" * 200, 5, True, {"arn": ARN}, ["a"]]:
    bad(f"lambdaARN {json.dumps(arn)[:40]}", {"lambdaARN": arn}, "lambdaARN")
bad("no num", {"num": ...}, "num")
for num in [0, 4, -1, 1001, "ten", 2.5, True, [], {}, "1e9"]:
    bad(f"num {json.dumps(num)}", {"num": num}, "num")
for pv in ["128", [127], [10241], ["abc"], [128, "x"], [128.5], {"a": 1}, [None], [64, 128]]:
    bad(f"powerValues {json.dumps(pv)}", {"powerValues": pv}, "powerValues")
for s in ["fastest", 5, ["cost"], "COST!"]:
    bad(f"strategy {json.dumps(s)}", {"strategy": s}, "strategy")
for w in [-0.1, 1.5, "heavy", [], 2]:
    bad(f"balancedWeight {json.dumps(w)}", {"strategy": "balanced", "balancedWeight": w}, "balancedWeight")
for m in [0, -3, 201, "many", 1.5]:
    bad(f"maxParallelInvocations {json.dumps(m)}", {"maxParallelInvocations": m}, "maxParallelInvocations")
for d in [-0.1, 0.5, "x", [0.2]]:
    bad(f"discardTopBottom {json.dumps(d)}", {"discardTopBottom": d}, "discardTopBottom")
for ms in [-1, 900001, "slow", 1.5]:
    bad(f"sleepBetweenRunsMs {json.dumps(ms)}", {"sleepBetweenRunsMs": ms}, "sleepBetweenRunsMs")
for flag in ["parallelInvocation", "autoOptimize", "dryRun", "onlyColdStarts", "disablePayloadLogs",
             "includeOutputResults"]:
    for v in ["yes", 2, [], {}]:
        bad(f"{flag} {json.dumps(v)}", {flag: v}, flag)
for alias in ["", "has space", "123", "x" * 129, 5, "a/b"]:
    bad(f"autoOptimizeAlias {json.dumps(alias)[:30]}", {"autoOptimize": True, "autoOptimizeAlias": alias},
        "autoOptimizeAlias")
for p in ["has space", "arn:aws:s3:::b", 5, "arn:aws:lambda:us-east-1:1:function:f"]:
    bad(f"preProcessorARN {json.dumps(p)}", {"preProcessorARN": p}, "preProcessorARN")
    bad(f"postProcessorARN {json.dumps(p)}", {"postProcessorARN": p}, "postProcessorARN")
for s3 in ["", "bucket/key", "s3://", "s3://bucket", "http://bucket/key", 5]:
    bad(f"payloadS3 {json.dumps(s3)}", {"payloadS3": s3}, "payloadS3")
for payload in [
                [{"payload": {}, "weight": -1}], [{"payload": {}, "weight": "x"}]]:
    bad(f"weighted payload {json.dumps(payload)[:50]}", {"payload": payload}, "payload")
for ex in ["Timeout", {"a": 1}, 5]:
    bad(f"allowedExceptions {json.dumps(ex)}", {"allowedExceptions": ex}, "allowedExceptions")
for c in [-1, "two", 1.5, 1001]:
    bad(f"concurrentSizes {json.dumps(c)}", {"concurrentSizes": c}, "concurrentSizes")

with open(OUT, "w") as f:
    for c in cases:
        f.write(json.dumps(c) + "\n")
print(len(cases), "inputs written to", os.path.normpath(OUT))
