"""Handlers that behave in every way an invocation can end, for the platform's tests."""
import json
import os
import sys
import tempfile
import time


def echo(event, context):
    print("echo line one")
    print("echo line two")
    return {
        "event": event,
        "requestId": context.aws_request_id,
        "functionName": context.function_name,
        "functionVersion": context.function_version,
        "memory": context.memory_limit_in_mb,
        "invokedArn": context.invoked_function_arn,
        "clientContext": context.client_context,
        "remainingMs": context.get_remaining_time_in_millis(),
        "env": {k: v for k, v in os.environ.items() if k.startswith("AWS_") or k in ("_HANDLER", "LAMBDA_TASK_ROOT", "TZ", "GREETING")},
    }


def call_lambda(event, context):
    """Reads a function's configuration with boto3, configured only by the environment."""
    import boto3

    config = boto3.client("lambda").get_function_configuration(FunctionName=event["name"])
    return {"functionArn": config["FunctionArn"], "handler": config["Handler"]}


def invoke_lambda(event, context):
    """Invokes event["name"] synchronously with boto3, once (no retry), and returns its answer."""
    import boto3
    from botocore.config import Config

    client = boto3.client("lambda", config=Config(retries={"total_max_attempts": 1}))
    try:
        response = client.invoke(FunctionName=event["name"], Payload=b"{}")
    except client.exceptions.TooManyRequestsException:
        return {"throttled": True}
    return {"throttled": False, "answer": json.loads(response["Payload"].read())}


def fail(event, context):
    raise ValueError("something broke")


def sleep(event, context):
    time.sleep(event.get("seconds", 5))
    return "woke up"


def hold(event, context):
    """Writes the file event["started"], then runs until the file event["release"] exists."""
    open(event["started"], "w").close()
    deadline = time.time() + 60
    while not os.path.exists(event["release"]) and time.time() < deadline:
        time.sleep(0.01)
    return "released"


def tmp(event, context):
    """/tmp's size and entries; with "write", first writes that many MB to /tmp/<name>."""
    if "write" in event:
        chunk = bytes(1024 * 1024)
        with open("/tmp/" + event["name"], "wb") as f:
            for _ in range(event["write"]):
                f.write(chunk)
    st = os.statvfs("/tmp")
    return {
        "sizeMb": st.f_blocks * st.f_frsize // (1024 * 1024),
        "entries": sorted(os.listdir("/tmp")),
        "tmpdir": tempfile.gettempdir(),
    }


def crash(event, context):
    sys.stdout.flush()
    os._exit(3)


def big(event, context):
    return "x" * (7 * 1024 * 1024)


def chatty(event, context):
    for i in range(event.get("lines", 200)):
        print("line %d of a chatty function" % i)
    return "done"


COUNTER = {"calls": 0}


def count(event, context):
    COUNTER["calls"] += 1
    return COUNTER["calls"]


def flaky_event(event, context):
    path = os.path.join(event["dir"], "attempts")
    attempts = int(open(path).read()) if os.path.exists(path) else 0
    # replaced, not rewritten: a retry may run in another environment, as another user
    with open(path + ".new", "w") as f:
        f.write(str(attempts + 1))
    os.replace(path + ".new", path)
    raise RuntimeError("attempt %d failed" % (attempts + 1))


def allocate(event, context):
    block = bytearray(event["mb"] * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return len(block) // (1024 * 1024)


def _cpu_limits():
    """The CPU quota and period of the cgroup this environment runs in (cgroup v1 or v2)."""
    with open("/proc/self/cgroup") as f:
        lines = f.read().splitlines()
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            with open("/sys/fs/cgroup" + path + "/cpu.max") as f:
                quota, period = f.read().split()
            return {"quota": quota, "period": period}
        if "cpu" in controllers.split(","):
            base = "/sys/fs/cgroup/cpu" + path
            with open(base + "/cpu.cfs_quota_us") as q, open(base + "/cpu.cfs_period_us") as p:
                return {"quota": q.read().strip(), "period": p.read().strip()}
    return {}


INIT_CPU_LIMITS = _cpu_limits()


def cgroup(event, context):
    """The CPU limits now, and those the init phase (this module's import) ran with."""
    return dict(_cpu_limits(), init=INIT_CPU_LIMITS)
