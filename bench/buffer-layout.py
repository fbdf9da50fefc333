#!/usr/bin/env python3
"""Physical layout of a running process's I/O buffers, from /proc/PID/pagemap (root only).

usage: bench/buffer-layout.py PID [MIN_KIB]

For each private anonymous writable mapping with at least MIN_KIB (default 3000) resident, prints
its resident size, how many runs of physically contiguous pages it is made of, and the runs in each
whole 1 MiB (256-page) window. A direct read into a buffer of N runs is a request of about N
physical segments; on a virtio-blk disk without indirect descriptors each segment takes a slot of
the ring (see bench/RESULTS.md, "Disk probe vs fio"). Run it during a 1M job, e.g. a few seconds
into `fio ... --bs=1m --iodepth=4` (the job's own process: `pgrep -x fio | tail -n 1`) or into
`./guestbench agent disk ... --bs 1m` (the java process); the buffers are the mapping of about
iodepth x bs.
"""
import struct
import sys

PAGE = 4096
PRESENT = 1 << 63
PFN_MASK = (1 << 55) - 1


def pfns(pagemap, lo, hi):
    n = (hi - lo) // PAGE
    pagemap.seek(lo // PAGE * 8)
    entries = struct.unpack(f"{n}Q", pagemap.read(n * 8))
    return [e & PFN_MASK if e & PRESENT else None for e in entries]


def runs(frames):
    count, prev = 0, None
    for f in frames:
        if f is not None and (prev is None or f != prev + 1):
            count += 1
        prev = f
    return count


def main():
    if len(sys.argv) not in (2, 3) or not sys.argv[1].isdigit():
        sys.exit(__doc__.split("\n\n")[1])
    pid, min_kib = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 3000
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split()
            if "rw" not in fields[1] or (len(fields) > 5 and fields[5].startswith("/")):
                continue
            lo, hi = (int(x, 16) for x in fields[0].split("-"))
            frames = pfns(pagemap, lo, hi)
            resident = sum(f is not None for f in frames)
            if resident * PAGE // 1024 < min_kib:
                continue
            if not any(frames):
                sys.exit("no frame numbers: run as root (pagemap hides them from others)")
            windows = [
                runs(frames[w : w + 256])
                for w in range(0, len(frames) - 255, 256)
                if None not in frames[w : w + 256]
            ]
            print(
                f"{fields[0]} resident={resident * PAGE // 1024}KiB runs={runs(frames)}"
                f" runs-per-MiB={windows[:8]}"
            )


if __name__ == "__main__":
    main()
