"""Fixed CPU work for the fidelity benchmark: SHA-256 over a 64 KB buffer, split across threads.

hashlib releases the GIL for inputs this large, so two threads really use two CPUs.
"""
import hashlib
import threading

BUFFER = bytes(64 * 1024)


def _hash(rounds):
    for _ in range(rounds):
        hashlib.sha256(BUFFER).digest()


def work(event, context):
    rounds = event.get("rounds", 800)
    threads = event.get("threads", 1)
    workers = [threading.Thread(target=_hash, args=(rounds // threads,)) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return rounds
