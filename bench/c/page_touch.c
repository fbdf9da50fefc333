// What a first touch of memory costs on this machine: maps GIB GiB of anonymous memory, writes one
// byte per 4 KiB page, unmaps it, ROUNDS times, and prints the time of each round. With a third
// argument the mapping is madvise(MADV_HUGEPAGE)d first, as -XX:+UseTransparentHugePages does for
// the JVM's heap when the kernel's THP mode is "madvise".
// Build and run: gcc -O2 -o /tmp/page_touch bench/c/page_touch.c && /tmp/page_touch 2 3 [huge]
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s GIB ROUNDS [huge]\n", argv[0]);
    return 2;
  }
  size_t bytes = (size_t)atol(argv[1]) << 30;
  int rounds = atoi(argv[2]);
  for (int r = 0; r < rounds; r++) {
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
      perror("mmap");
      return 1;
    }
    if (argc > 3 && madvise(p, bytes, MADV_HUGEPAGE) != 0) {
      perror("madvise");
      return 1;
    }
    for (size_t i = 0; i < bytes; i += 4096) {
      p[i] = 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("round %d: %s GiB touched in %.2f s, %.2f us per 4 KiB page\n", r, argv[1], seconds,
           seconds * 1e6 / (bytes / 4096));
    munmap(p, bytes);
  }
  return 0;
}
