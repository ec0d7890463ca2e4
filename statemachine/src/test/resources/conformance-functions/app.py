"""The conformance corpus's functions (the same behaviours as CorpusFunctions.java, in process)."""
import time

CALLS = {}


def identity(event, context):
    return event


def add(event, context):
    return event["a"] + event["b"]


def raise_error(event, context):
    error = type(event.get("errorType", "Error"), (Exception,), {})
    raise error(event.get("message", ""))


def flaky(event, context):
    key = event["key"]
    CALLS[key] = CALLS.get(key, 0) + 1
    if CALLS[key] <= event["failures"]:
        error = type(event.get("errorType", "Flaky"), (Exception,), {})
        raise error("call %d failed" % CALLS[key])
    return {"calls": CALLS[key]}


def sleep(event, context):
    time.sleep(event["seconds"])
    return event
