"""Handlers for the tuner's end-to-end tests: each says in its log what it was given."""
import json
import time


def echo(event, context):
    """Logs the payload it got, waits event["ms"] (default 5), and returns the payload."""
    print("payload " + json.dumps(event, sort_keys=True))
    time.sleep(((event or {}).get("ms", 5) if isinstance(event, dict) else 5) / 1000)
    return event


def fail(event, context):
    raise RuntimeError("this function always fails")


def flaky(event, context):
    """Fails with HandledError on every second invocation of an environment."""
    flaky.calls = getattr(flaky, "calls", 0) + 1
    if flaky.calls % 2 == 0:
        raise HandledError("expected now and then")
    return "ok"


class HandledError(Exception):
    pass


def pre(event, context):
    """A pre-processor: marks the payload, so the tests see it reached the function."""
    marked = dict(event or {})
    marked["from"] = "pre"
    return marked


def post(event, context):
    """A post-processor: logs what the function returned."""
    print("post got " + json.dumps(event, sort_keys=True))
    return None
