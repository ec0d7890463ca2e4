"""A memory-hungry function: it builds a working set of about 200 MB per invocation.

At 128 MB it runs out of memory, so a tuning reports that size as unsuitable and measures
the others. The payload may set the size: {"mb": 200}.
"""


def handler(event, context):
    mb = int((event or {}).get("mb", 200))
    block = bytearray(mb * 1024 * 1024)
    for offset in range(0, len(block), 4096):  # touch every page, so the memory is really used
        block[offset] = 1
    return {"allocated_mb": mb, "checksum": sum(block[::4096])}
