// The same operations the agent's OS and memory probes time, as plain C loops, so that
// bench/os-vs-c.sh can print agent/C ratios. Each is timed the agent's way: a warm-up, then
// timed batches for a fixed time, the mean over all of them. Calls the agent makes through FFM
// go through volatile function pointers here, so the compiler can neither inline nor hoist them
// (glibc declares getpagesize const), and the baseline call is subtracted the same way.
//
// Usage: os_ref ARRAY_BYTES BUFFER_BYTES   prints "name value" lines: ns per operation, or
// bytes per second for the bandwidth kernels.
#define _GNU_SOURCE
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WARMUP_NS 300000000ull   // the agent's default warm-up
#define MEASURE_NS 1000000000ull // about what the agent's repetitions add up to
#define BARRIER() __asm__ __volatile__("" ::: "memory")

static volatile uint64_t sink;

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

typedef uint64_t (*run_fn)(void *ctx, uint64_t units);
typedef void (*prepare_fn)(void *ctx, uint64_t units);

// Mean ns per operation over MEASURE_NS of timed batches, after WARMUP_NS of the same.
static double measure(run_fn run, prepare_fn prepare, void *ctx, uint64_t batch, double per_unit) {
  uint64_t end = now_ns() + WARMUP_NS;
  while (now_ns() < end) {
    if (prepare) prepare(ctx, batch);
    sink += run(ctx, batch);
  }
  uint64_t total = 0, units = 0, t1;
  end = now_ns() + MEASURE_NS;
  do {
    if (prepare) prepare(ctx, batch);
    uint64_t t0 = now_ns();
    sink += run(ctx, batch);
    t1 = now_ns();
    total += t1 - t0;
    units += batch;
  } while (t1 < end);
  return (double)total / ((double)units * per_unit);
}

// --- system call and clocks ------------------------------------------------------------------
static int (*volatile getppid_p)(void) = getppid;
static int (*volatile getpagesize_p)(void) = getpagesize;
static int (*volatile clock_gettime_p)(clockid_t, struct timespec *) = clock_gettime;
static int (*volatile sigismember_p)(const sigset_t *, int) = sigismember;

static uint64_t run_getppid(void *ctx, uint64_t n) {
  (void)ctx;
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) s += (uint64_t)getppid_p();
  return s;
}

static uint64_t run_getpagesize(void *ctx, uint64_t n) {
  (void)ctx;
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) s += (uint64_t)getpagesize_p();
  return s;
}

// The clocks' baseline, as in the agent: the same shape of call (a pointer and an int).
static uint64_t run_sigismember(void *ctx, uint64_t n) {
  (void)ctx;
  sigset_t set;
  sigemptyset(&set);
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) s += (uint64_t)sigismember_p(&set, SIGINT);
  return s;
}

static uint64_t run_clock(void *ctx, uint64_t n) {
  clockid_t id = *(clockid_t *)ctx;
  struct timespec ts;
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) {
    s += (uint64_t)clock_gettime_p(id, &ts);
    s += (uint64_t)ts.tv_nsec;
  }
  return s;
}

// --- page faults -------------------------------------------------------------------------------
#define PAGE 4096ul
#define REGION (64ul << 20) // the agent's default region_bytes
struct region { char *base; uint64_t next; };

static void prepare_region(void *ctx, uint64_t units) {
  struct region *r = ctx;
  if (r->base && r->next + units <= REGION / PAGE) return;
  if (r->base) munmap(r->base, REGION);
  r->base = mmap(NULL, REGION, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (r->base == MAP_FAILED) { perror("mmap"); exit(1); }
  madvise(r->base, REGION, MADV_NOHUGEPAGE); // as the agent's hugepages=off
  r->next = 0;
}

static uint64_t run_touch(void *ctx, uint64_t n) {
  struct region *r = ctx;
  volatile char *p = r->base + r->next * PAGE;
  for (uint64_t i = 0; i < n; i++) p[i * PAGE] = 1;
  r->next += n;
  return r->next;
}

// --- process spawn: fork+exec, and posix_spawn (what the JDK uses, through jspawnhelper) -------
extern char **environ;

static uint64_t run_spawn(void *ctx, uint64_t n) {
  int use_posix_spawn = *(int *)ctx;
  char *argv[] = {"/bin/true", NULL};
  uint64_t s = 0;
  for (uint64_t i = 0; i < n; i++) {
    pid_t pid;
    if (use_posix_spawn) {
      if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) != 0) { perror("spawn"); exit(1); }
    } else if ((pid = fork()) == 0) {
      execv("/bin/true", argv);
      _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    s += (uint64_t)pid;
  }
  return s;
}

// --- context switch: a token handed between two threads on one CPU through a futex ------------
static _Atomic int turn; // 0: main's, 1: partner's, 2: stop
static int cpu;

static void pin(void) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  sched_setaffinity(0, sizeof set, &set);
}

static void wait_for(int value) {
  int seen;
  while ((seen = atomic_load(&turn)) != value && seen != 2)
    syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
}

static void hand_to(int value) {
  atomic_store(&turn, value);
  syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static void *partner(void *arg) {
  (void)arg;
  pin();
  for (;;) {
    wait_for(1);
    if (atomic_load(&turn) == 2) return NULL;
    hand_to(0);
  }
}

static uint64_t run_handoff(void *ctx, uint64_t n) {
  (void)ctx;
  for (uint64_t i = 0; i < n; i++) { hand_to(1); wait_for(0); }
  return n;
}

// --- memory ------------------------------------------------------------------------------------
struct arrays { double *a, *b, *c; uint64_t n; };

__attribute__((noinline)) static uint64_t run_copy(void *ctx, uint64_t passes) {
  struct arrays *m = ctx;
  for (uint64_t p = 0; p < passes; p++) {
    for (uint64_t i = 0; i < m->n; i++) m->b[i] = m->a[i];
    BARRIER();
  }
  return (uint64_t)m->b[m->n - 1];
}

__attribute__((noinline)) static uint64_t run_triad(void *ctx, uint64_t passes) {
  struct arrays *m = ctx;
  for (uint64_t p = 0; p < passes; p++) {
    for (uint64_t i = 0; i < m->n; i++) m->a[i] = m->b[i] + 3.0 * m->c[i];
    BARRIER();
  }
  return (uint64_t)m->a[m->n - 1];
}

struct chase { uint64_t *lines; uint64_t pos; };

static uint64_t splitmix(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The agent's PointerChase.link: Sattolo's shuffle of stored byte offsets, seed 42.
static void link_lines(uint64_t *buf, uint64_t lines) {
  for (uint64_t i = 0; i < lines; i++) buf[i * 8] = i * 64;
  uint64_t state = 42;
  for (uint64_t i = lines - 1; i > 0; i--) {
    uint64_t j = splitmix(&state) % i, t = buf[i * 8];
    buf[i * 8] = buf[j * 8];
    buf[j * 8] = t;
  }
}

static uint64_t run_chase(void *ctx, uint64_t n) {
  struct chase *c = ctx;
  uint64_t p = c->pos;
  for (uint64_t i = 0; i < n; i++) p = *(volatile uint64_t *)((char *)c->lines + p);
  c->pos = p;
  return p;
}

static double *filled(uint64_t n, double v) {
  double *a = aligned_alloc(64, n * sizeof(double));
  for (uint64_t i = 0; i < n; i++) a[i] = v;
  return a;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: os_ref ARRAY_BYTES BUFFER_BYTES\n"); return 2; }
  uint64_t array_bytes = strtoull(argv[1], NULL, 10), buffer_bytes = strtoull(argv[2], NULL, 10);

  double noop = measure(run_getpagesize, NULL, NULL, 1000, 1);
  double ppid = measure(run_getppid, NULL, NULL, 100, 1);
  printf("getpagesize_call %.3f\ngetppid_call %.3f\nsyscall_net %.3f\n", noop, ppid, ppid - noop);
  double pointer_noop = measure(run_sigismember, NULL, NULL, 1000, 1);
  printf("sigismember_call %.3f\n", pointer_noop);
  const char *names[] = {"realtime", "monotonic", "", "", "monotonic_raw", "", "monotonic_coarse"};
  for (clockid_t id = 0; id <= 6; id++) {
    if (!names[id][0]) continue;
    double call = measure(run_clock, NULL, &id, 1000, 1);
    printf("clock_%s_call %.3f\nclock_%s_net %.3f\n", names[id], call, names[id], call - pointer_noop);
  }

  struct region r = {0};
  printf("page_fault %.3f\n", measure(run_touch, prepare_region, &r, 64, 1));
  munmap(r.base, REGION); // a forked child would copy its page tables
  int posix = 0;
  printf("spawn_fork %.3f\n", measure(run_spawn, NULL, &posix, 1, 1));
  posix = 1;
  printf("spawn_posix %.3f\n", measure(run_spawn, NULL, &posix, 1, 1));

  cpu_set_t allowed;
  sched_getaffinity(0, sizeof allowed, &allowed);
  while (!CPU_ISSET(cpu, &allowed)) cpu++;
  pin();
  pthread_t t;
  pthread_create(&t, NULL, partner, NULL);
  printf("context_switch %.3f\n", measure(run_handoff, NULL, NULL, 100, 2));
  hand_to(2);
  pthread_join(t, NULL);

  uint64_t n = array_bytes / sizeof(double);
  struct arrays m = {filled(n, 1.0), filled(n, 2.0), filled(n, 0.5), n};
  printf("copy_bytes_per_second %.6e\n", 16.0 * n / measure(run_copy, NULL, &m, 1, 1) * 1e9);
  printf("triad_bytes_per_second %.6e\n", 24.0 * n / measure(run_triad, NULL, &m, 1, 1) * 1e9);

  struct chase c = {aligned_alloc(64, buffer_bytes), 0};
  link_lines(c.lines, buffer_bytes / 64);
  printf("load %.3f\n", measure(run_chase, NULL, &c, 1024, 1));
  return sink == 42; // never true; keeps every result alive
}
