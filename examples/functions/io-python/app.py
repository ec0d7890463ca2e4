"""An I/O-bound function: it waits (as for a database or an API) and computes almost nothing.

Its duration is the same at every size, so the smallest size is the cheapest:
`--strategy cost` picks 128 MB. The payload may set the wait: {"ms": 100}.
"""
import time


def handler(event, context):
    ms = int((event or {}).get("ms", 100))
    time.sleep(ms / 1000)
    return {"waited_ms": ms}
