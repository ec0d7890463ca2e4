"""Functions that try what a hostile or careless function would."""
import os


def credentials(event, context):
    """Hands back the credentials and every variable the function was given."""
    return {
        "accessKeyId": os.environ.get("AWS_ACCESS_KEY_ID"),
        "secretAccessKey": os.environ.get("AWS_SECRET_ACCESS_KEY"),
        "sessionToken": os.environ.get("AWS_SESSION_TOKEN"),
        "variables": dict(os.environ),
    }


def whoami(event, context):
    """The user, groups and capabilities the function runs with."""
    status = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.strip()
    return {
        "uid": os.getuid(),
        "gid": os.getgid(),
        "groups": os.getgroups(),
        "capEff": status.get("CapEff"),
        "noNewPrivs": status.get("NoNewPrivs"),
        "taskRoot": os.environ.get("LAMBDA_TASK_ROOT"),
        "tmp": os.environ.get("TMPDIR"),
    }


def probe_runtime_api(event, context):
    """Asks another environment's Runtime API for its next event."""
    import http.client

    host, _, port = event["runtimeApi"].partition(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=event.get("timeout", 2))
    try:
        conn.request("GET", "/2018-06-01/runtime/invocation/next")
        response = conn.getresponse()
        return {"status": response.status, "body": response.read().decode("utf-8", "replace")}
    except Exception as e:  # refused, reset or timed out: nothing was handed over
        return {"status": None, "error": type(e).__name__}
    finally:
        conn.close()


def read_paths(event, context):
    """Tries to read (or list) each path: 'read', 'denied' or 'missing'."""
    results = {}
    for path in event["paths"]:
        try:
            if os.path.isdir(path):
                os.listdir(path)
            else:
                with open(path, "rb") as f:
                    f.read(1)
            results[path] = "read"
        except PermissionError:
            results[path] = "denied"
        except FileNotFoundError:
            results[path] = "missing"
    return results


def write_paths(event, context):
    """Tries to create a file in each folder: 'written', 'denied' or the error's name."""
    results = {}
    for folder in event["paths"]:
        try:
            with open(os.path.join(folder, "written-by-function"), "w") as f:
                f.write("x")
            results[folder] = "written"
        except OSError as e:
            results[folder] = "denied" if isinstance(e, PermissionError) else type(e).__name__
    return results


def double_fork(event, context):
    """Leaves a process behind that is no longer its child (it escapes the process tree)."""
    import subprocess

    out = subprocess.run(
        ["/bin/sh", "-c", "setsid sleep 600 </dev/null >/dev/null 2>&1 & echo $!"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {"pid": int(out.stdout.strip())}


def fork_many(event, context):
    """Starts processes until refused (or the count asked for); says how many it got."""
    import subprocess

    started = []
    refused = None
    for _ in range(event["count"]):
        try:
            started.append(subprocess.Popen(["sleep", "30"]))
        except OSError as e:
            refused = type(e).__name__
            break
    count = len(started)
    for p in started:
        p.kill()
        p.wait()
    return {"started": count, "refused": refused}


def dispatch(event, context):
    """Runs the function named by the event's action, so one environment can try everything."""
    return globals()[event["action"]](event, context)


def flood(event, context):
    """Prints as fast as it can until its time is nearly up."""
    import sys

    line = "x" * 1000 + "\n"
    while context.get_remaining_time_in_millis() > 300:
        sys.stdout.write(line * 100)
    return "flooded"
