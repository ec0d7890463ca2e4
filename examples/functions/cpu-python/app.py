"""A CPU-bound function: a fixed amount of hashing per invocation.

Its duration falls in proportion to memory up to 1,769 MB (one vCPU) and stays flat above,
so `--strategy speed` picks 1769 MB or more and `--strategy cost` a size near one vCPU.
The payload may set the work: {"rounds": 1000} (SHA-256 over 64 KB, about 50 ms on one vCPU).
"""
import hashlib

BUFFER = bytes(64 * 1024)


def handler(event, context):
    rounds = int((event or {}).get("rounds", 1000))
    digest = b""
    for _ in range(rounds):
        digest = hashlib.sha256(BUFFER + digest[:1]).digest()
    return {"rounds": rounds, "digest": digest.hex()}
