/*
 * inflate_bench: decompression speed of libdeflate, Intel ISA-L (igzip) and the system zlib
 * on the same zlib streams, side by side.
 *
 * Input: a file of records written by dump_streams.py:
 *     uint32 LE compressed length, uint32 LE decompressed length, then the compressed bytes.
 *
 * Each library decompresses every stream into a buffer of exactly its known decompressed size,
 * R rounds; the best round is reported. Before any timing, every library's output of every
 * stream is compared (memcmp) with zlib's; any mismatch or error stops the program (exit 1).
 *
 * Usage: inflate_bench STREAMS.bin [--rounds R] [--threads T] [--small BYTES] [--min-round SECS] [--no-safety]
 *   --rounds R    timed rounds per library (default 5), best one reported
 *   --threads T   also time each library on T threads, each over a contiguous share of the
 *                 streams (split by output bytes), one decompressor and buffer per thread
 *   --small BYTES streams whose decompressed size is below BYTES are "small" (default 8192);
 *                 they get their own timed pass (us per small stream)
 *   --min-round S a round repeats the stream list (passes) until it lasts at least S seconds
 *                 (default 0.25; calibrated on one untimed warm-up pass), so small sets time well
 *   --no-safety   skip the truncated-stream check
 *
 * Columns: streams (per pass), passes (per round), out MB (per round), seconds (best round),
 * MB/s of output, us/stream, cpu (the best round's process CPU time / (wall time x threads):
 * under 90% means something else had the CPU, the row is flagged); then the same for the small
 * streams alone (their own rounds).
 *
 * Build: gcc -O2 -march=native -o inflate_bench inflate_bench.c -ldeflate -lisal -lz -lpthread
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <isa-l.h> /* ISAL_*_VERSION; includes isa-l/igzip_lib.h */
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <zlib.h>

typedef struct {
    const uint8_t *in;
    uint32_t in_len;
    uint32_t out_len;
} stream_t;

static stream_t *streams;
static size_t n_streams;
static uint32_t max_out;

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("inflate_bench: FATAL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU time (user + system) of the whole process, all threads */
static double cpu_now(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

/* ------------------------------------------------------------------------------------------ */
/* The three libraries behind one interface: ctx_new, decompress(one stream) -> 0 ok / else error */

typedef struct {
    const char *name;
    void *(*ctx_new)(void);
    void (*ctx_free)(void *);
    /* decompress in[0..in_len) into out[0..out_len); 0 when it produced exactly out_len bytes
     * and the stream ended properly (checksum verified); otherwise a library status (nonzero) */
    int (*decompress)(void *ctx, const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_len);
} lib_t;

/* zlib: one z_stream, inflateReset per stream (like java.util.zip.Inflater.reset) */
static void *zlib_new(void) {
    z_stream *z = xmalloc(sizeof *z);
    memset(z, 0, sizeof *z);
    if (inflateInit(z) != Z_OK) die("inflateInit failed");
    return z;
}
static void zlib_free(void *c) { inflateEnd(c); free(c); }
static int zlib_dec(void *c, const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_len) {
    z_stream *z = c;
    if (inflateReset(z) != Z_OK) return 100;
    z->next_in = (Bytef *)in;
    z->avail_in = in_len;
    z->next_out = out;
    z->avail_out = out_len;
    int r = inflate(z, Z_FINISH);
    if (r != Z_STREAM_END) return r == Z_OK ? 101 : r; /* Z_BUF_ERROR: truncated or too long */
    if (z->total_out != out_len) return 102;
    return 0;
}

/* libdeflate: one decompressor, whole-buffer API */
static void *ld_new(void) {
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) die("libdeflate_alloc_decompressor failed");
    return d;
}
static void ld_free(void *c) { libdeflate_free_decompressor(c); }
static int ld_dec(void *c, const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_len) {
    size_t actual = 0;
    enum libdeflate_result r = libdeflate_zlib_decompress(c, in, in_len, out, out_len, &actual);
    if (r != LIBDEFLATE_SUCCESS) return 200 + (int)r;
    if (actual != out_len) return 210;
    return 0;
}

/* ISA-L: one inflate_state, isal_inflate_reset per stream, zlib wrapper (adler32 checked) */
static void *isal_new(void) {
    struct inflate_state *s = xmalloc(sizeof *s);
    isal_inflate_init(s);
    return s;
}
static void isal_free(void *c) { free(c); }
static int isal_dec(void *c, const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_len) {
    struct inflate_state *s = c;
    isal_inflate_reset(s);
    s->crc_flag = ISAL_ZLIB;
    s->next_in = (uint8_t *)in;
    s->avail_in = in_len;
    s->next_out = out;
    s->avail_out = out_len;
    int r = isal_inflate(s);
    if (r != ISAL_DECOMP_OK) return 300 + r;
    /* ISAL_DECOMP_OK alone only means "no error so far": the stream must also have ended */
    if (s->block_state != ISAL_BLOCK_FINISH) return 310;
    if (s->total_out != out_len) return 311;
    return 0;
}

static const lib_t LIBS[] = {
    {"libdeflate", ld_new, ld_free, ld_dec},
    {"isa-l", isal_new, isal_free, isal_dec},
    {"zlib", zlib_new, zlib_free, zlib_dec},
};
#define N_LIBS (sizeof LIBS / sizeof LIBS[0])

/* ------------------------------------------------------------------------------------------ */

static void load(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) die("%s: %s", path, strerror(errno));
    if (fseek(f, 0, SEEK_END) != 0) die("%s: cannot seek", path);
    long size = ftell(f);
    rewind(f);
    uint8_t *buf = xmalloc((size_t)size);
    if (size > 0 && fread(buf, 1, (size_t)size, f) != (size_t)size) die("%s: short read", path);
    fclose(f);
    size_t cap = 1024, p = 0;
    streams = xmalloc(cap * sizeof *streams);
    while (p < (size_t)size) {
        if (p + 8 > (size_t)size) die("%s: record header cut off at %zu", path, p);
        uint32_t cl = buf[p] | buf[p + 1] << 8 | buf[p + 2] << 16 | (uint32_t)buf[p + 3] << 24;
        uint32_t dl = buf[p + 4] | buf[p + 5] << 8 | buf[p + 6] << 16 | (uint32_t)buf[p + 7] << 24;
        p += 8;
        if (cl > (size_t)size - p) die("%s: record at %zu: %u bytes past the end", path, p - 8, cl);
        if (n_streams == cap) {
            cap *= 2;
            streams = realloc(streams, cap * sizeof *streams);
            if (!streams) die("out of memory");
        }
        streams[n_streams++] = (stream_t){buf + p, cl, dl};
        if (dl > max_out) max_out = dl;
        p += cl;
    }
    if (n_streams == 0) die("%s: no streams", path);
}

/* Every library's output of every stream equals zlib's. */
static void verify(void) {
    uint8_t *ref = xmalloc(max_out), *out = xmalloc(max_out);
    void *zc = zlib_new();
    void *ctx[N_LIBS];
    for (size_t l = 0; l < N_LIBS; l++) ctx[l] = LIBS[l].ctx_new();
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t i = 0; i < n_streams; i++) {
        const stream_t *s = &streams[i];
        int r = zlib_dec(zc, s->in, s->in_len, ref, s->out_len);
        if (r) die("stream #%zu (%u -> %u bytes): zlib reference failed (status %d)", i, s->in_len, s->out_len, r);
        crc = crc32(crc, ref, s->out_len);
        for (size_t l = 0; l < N_LIBS; l++) {
            memset(out, 0xA5, s->out_len);
            r = LIBS[l].decompress(ctx[l], s->in, s->in_len, out, s->out_len);
            if (r) die("stream #%zu (%u -> %u bytes): %s failed (status %d)", i, s->in_len, s->out_len, LIBS[l].name, r);
            if (memcmp(out, ref, s->out_len) != 0)
                die("stream #%zu (%u -> %u bytes): %s output differs from zlib's", i, s->in_len, s->out_len, LIBS[l].name);
        }
    }
    for (size_t l = 0; l < N_LIBS; l++) LIBS[l].ctx_free(ctx[l]);
    zlib_free(zc);
    free(ref);
    free(out);
    printf("verified: all %zu streams decompress to identical bytes with libdeflate, isa-l and zlib; output crc32 %08lx\n",
           n_streams, crc);
}

/* One timed pass of one library over a list of stream indices. */
typedef struct {
    const lib_t *lib;
    const uint32_t *idx;
    size_t n;
    int passes;
    pthread_barrier_t *start;
    int status;
} job_t;

static void *run_job(void *arg) {
    job_t *j = arg;
    void *ctx = j->lib->ctx_new();
    uint8_t *out = xmalloc(max_out);
    if (j->start) pthread_barrier_wait(j->start);
    j->status = 0;
    for (int pass = 0; pass < j->passes && !j->status; pass++)
        for (size_t k = 0; k < j->n; k++) {
            const stream_t *s = &streams[j->idx[k]];
            int r = j->lib->decompress(ctx, s->in, s->in_len, out, s->out_len);
            if (r) { j->status = r; break; }
        }
    free(out);
    j->lib->ctx_free(ctx);
    return NULL;
}

typedef struct {
    size_t n;       /* streams decompressed per round (the list times `passes`) */
    int passes;
    double out_mb, in_mb;
    double secs;    /* best round */
    double cpu;     /* that round's CPU time / (seconds x threads): well under 1 = the CPU was shared */
} result_t;

static double min_round_secs = 0.25;

/* Best of `rounds` rounds of decompressing idx[0..n) on `threads` threads (1 = this thread). */
static result_t timed(const lib_t *lib, const uint32_t *idx, size_t n, int rounds, int threads) {
    result_t res = {n, 1, 0, 0, 1e300, 0};
    uint64_t out_bytes = 0, in_bytes = 0;
    for (size_t k = 0; k < n; k++) { out_bytes += streams[idx[k]].out_len; in_bytes += streams[idx[k]].in_len; }
    if (n == 0) { res.secs = 0; return res; }
    /* a round is `passes` passes over the list: enough that it lasts >= min_round_secs (small sets) */
    {
        void *ctx = lib->ctx_new();
        uint8_t *out = xmalloc(max_out);
        double t0 = now();
        for (size_t k = 0; k < n; k++) {
            const stream_t *s = &streams[idx[k]];
            int st = lib->decompress(ctx, s->in, s->in_len, out, s->out_len);
            if (st) die("%s: stream #%u failed during warm-up (status %d)", lib->name, idx[k], st);
        }
        double one = now() - t0;
        free(out);
        lib->ctx_free(ctx);
        if (one < min_round_secs) res.passes = (int)(min_round_secs / (one > 1e-7 ? one : 1e-7)) + 1;
    }
    const int passes = res.passes;
    res.n = n * passes;
    res.out_mb = out_bytes * (double)passes / 1e6;
    res.in_mb = in_bytes * (double)passes / 1e6;
    /* split by output bytes into `threads` contiguous shares */
    size_t cut[65] = {0};
    cut[threads] = n;
    {
        uint64_t acc = 0;
        int t = 1;
        for (size_t k = 0; k < n && t < threads; k++) {
            acc += streams[idx[k]].out_len;
            while (t < threads && acc >= out_bytes * t / threads) cut[t++] = k + 1;
        }
        while (t < threads) cut[t++] = n;
    }
    for (int r = 0; r < rounds; r++) {
        double t0, t1, c0, c1;
        if (threads == 1) {
            /* context and buffer set up outside the timed region */
            void *ctx = lib->ctx_new();
            uint8_t *out = xmalloc(max_out);
            memset(out, 0, max_out); /* touch the pages once */
            c0 = cpu_now();
            t0 = now();
            for (int pass = 0; pass < passes; pass++)
                for (size_t k = 0; k < n; k++) {
                    const stream_t *s = &streams[idx[k]];
                    int st = lib->decompress(ctx, s->in, s->in_len, out, s->out_len);
                    if (st) die("%s: stream #%u failed during timing (status %d)", lib->name, idx[k], st);
                }
            t1 = now();
            c1 = cpu_now();
            free(out);
            lib->ctx_free(ctx);
        } else {
            pthread_t tid[64];
            job_t jobs[64];
            pthread_barrier_t bar;
            pthread_barrier_init(&bar, NULL, threads + 1);
            for (int t = 0; t < threads; t++) {
                jobs[t] = (job_t){lib, idx + cut[t], cut[t + 1] - cut[t], passes, &bar, 0};
                if (pthread_create(&tid[t], NULL, run_job, &jobs[t])) die("pthread_create failed");
            }
            c0 = cpu_now(); /* includes the threads' set-up before the barrier: a slight over-count */
            pthread_barrier_wait(&bar);
            t0 = now();
            for (int t = 0; t < threads; t++) pthread_join(tid[t], NULL);
            t1 = now();
            c1 = cpu_now();
            pthread_barrier_destroy(&bar);
            for (int t = 0; t < threads; t++)
                if (jobs[t].status) die("%s: thread %d failed during timing (status %d)", lib->name, t, jobs[t].status);
        }
        if (t1 - t0 < res.secs) {
            res.secs = t1 - t0;
            res.cpu = (c1 - c0) / ((t1 - t0) * threads);
        }
    }
    return res;
}

/* ------------------------------------------------------------------------------------------ */
/* Truncated streams: what does each API say when the input stops early? */

static void safety(void) {
    /* the largest stream (multi-block) and the smallest stream of at least 64 bytes */
    size_t big = 0, small = SIZE_MAX;
    for (size_t i = 0; i < n_streams; i++) {
        if (streams[i].in_len > streams[big].in_len) big = i;
        if (streams[i].in_len >= 64 && (small == SIZE_MAX || streams[i].in_len < streams[small].in_len)) small = i;
    }
    size_t picks[2] = {big, small == SIZE_MAX ? big : small};
    uint8_t *out = xmalloc(max_out);
    printf("\ntruncated-stream check (input cut short, output buffer = the expected size; first row: last adler32 byte inverted; last row: whole input, buffer 1 byte short):\n");
    printf("  %-8s %-14s %-13s %-34s %-34s %s\n", "stream", "kept bytes", "cut", "isa-l isal_inflate", "libdeflate", "zlib");
    for (int pi = 0; pi < 2; pi++) {
        const stream_t *s = &streams[picks[pi]];
        /* outcut: the output buffer that much shorter than the stream's real size (an index that
         * understates memSize); keep = in_len then */
        struct { uint32_t keep; uint32_t outcut; const char *what; } cuts[] = {
            {s->in_len, 0, "adler flipped"}, /* whole stream, last adler32 byte inverted */
            {s->in_len - 1, 0, "last byte"},
            {s->in_len - 4, 0, "adler32"},
            {s->in_len - 5, 0, "adler32+1"},
            {s->in_len / 2, 0, "half"},
            {s->in_len, 1, "out 1 short"},
        };
        for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
            uint32_t keep = cuts[c].keep, out_len = s->out_len - cuts[c].outcut;
            /* copy so nothing past `keep` is readable as stream data */
            uint8_t *in = xmalloc(keep);
            memcpy(in, s->in, keep);
            if (c == 0) in[keep - 1] ^= 0xFF;
            char isal_s[64], ld_s[64], z_s[64];

            struct inflate_state st;
            isal_inflate_init(&st);
            st.crc_flag = ISAL_ZLIB;
            st.next_in = in;
            st.avail_in = keep;
            st.next_out = out;
            st.avail_out = out_len;
            int r = isal_inflate(&st);
            snprintf(isal_s, sizeof isal_s, "ret=%d%s block_state=%s out=%u/%u", r,
                     r == ISAL_DECOMP_OK ? "(OK)" : r == ISAL_INCORRECT_CHECKSUM ? "(BADSUM)" : "",
                     st.block_state == ISAL_BLOCK_FINISH ? "FINISH" : "not-FINISH", st.total_out, out_len);

            size_t actual = 0;
            void *ld = ld_new();
            enum libdeflate_result lr = libdeflate_zlib_decompress(ld, in, keep, out, out_len, &actual);
            ld_free(ld);
            snprintf(ld_s, sizeof ld_s, "%s",
                     lr == LIBDEFLATE_SUCCESS ? "SUCCESS" : lr == LIBDEFLATE_BAD_DATA ? "BAD_DATA"
                     : lr == LIBDEFLATE_SHORT_OUTPUT ? "SHORT_OUTPUT" : "INSUFFICIENT_SPACE");
            if (lr == LIBDEFLATE_SUCCESS) snprintf(ld_s + strlen(ld_s), sizeof ld_s - strlen(ld_s), " out=%zu", actual);

            void *z = zlib_new();
            int zr = zlib_dec(z, in, keep, out, out_len);
            zlib_free(z);
            snprintf(z_s, sizeof z_s, "%s", zr == 0 ? "ok" : zr == Z_BUF_ERROR ? "Z_BUF_ERROR" : zr == Z_DATA_ERROR ? "Z_DATA_ERROR" : zr == 101 ? "Z_OK(no end)" : "error");

            char kept[32];
            snprintf(kept, sizeof kept, "%u/%u", keep, s->in_len);
            printf("  #%-7zu %-14s %-13s %-34s %-34s %s\n", picks[pi], kept, cuts[c].what, isal_s, ld_s, z_s);
            free(in);
        }
    }
    free(out);
}

/* ------------------------------------------------------------------------------------------ */

static void row(const char *lib, const result_t *all, const result_t *sm) {
    printf("%-11s %8zu %6d %9.1f %8.3f %9.1f %9.2f", lib, all->n / all->passes, all->passes, all->out_mb, all->secs,
           all->out_mb / all->secs, all->secs * 1e6 / all->n);
    printf(" %4.0f%%", all->cpu * 100);
    if (sm->n) printf(" %9zu %10.2f %9.1f %4.0f%%", sm->n, sm->secs * 1e6 / sm->n, sm->out_mb / sm->secs, sm->cpu * 100);
    printf("%s\n", all->cpu < 0.9 || (sm->n && sm->cpu < 0.9) ? "  <- CPU shared (cpu < 90%): re-run" : "");
}

int main(int argc, char **argv) {
    const char *path = NULL;
    int rounds = 5, threads = 0, do_safety = 1;
    long small_limit = 8192;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rounds") && i + 1 < argc) rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--small") && i + 1 < argc) small_limit = atol(argv[++i]);
        else if (!strcmp(argv[i], "--no-safety")) do_safety = 0;
        else if (!strcmp(argv[i], "--min-round") && i + 1 < argc) min_round_secs = atof(argv[++i]);
        else if (argv[i][0] == '-' || path) {
            fprintf(stderr, "usage: %s STREAMS.bin [--rounds R] [--threads T] [--small BYTES] [--min-round SECS] [--no-safety]\n", argv[0]);
            return 2;
        } else path = argv[i];
    }
    if (!path || rounds < 1 || threads < 0 || threads > 64) {
        fprintf(stderr, "usage: %s STREAMS.bin [--rounds R] [--threads T] [--small BYTES] [--min-round SECS] [--no-safety]\n", argv[0]);
        return 2;
    }
    load(path);
    uint32_t *all = xmalloc(n_streams * sizeof *all), *sm = xmalloc(n_streams * sizeof *sm);
    size_t n_sm = 0;
    uint64_t in_total = 0, out_total = 0;
    for (size_t i = 0; i < n_streams; i++) {
        all[i] = (uint32_t)i;
        if (streams[i].out_len < (uint64_t)small_limit) sm[n_sm++] = (uint32_t)i;
        in_total += streams[i].in_len;
        out_total += streams[i].out_len;
    }
    printf("streams: %zu, %.1f MB compressed -> %.1f MB decompressed (ratio %.2f), largest %u bytes; "
           "%zu small (< %ld bytes decompressed)\n",
           n_streams, in_total / 1e6, out_total / 1e6, (double)out_total / in_total, max_out, n_sm, small_limit);
    printf("libraries: libdeflate %s, isa-l %d.%d.%d, zlib %s\n", LIBDEFLATE_VERSION_STRING,
           ISAL_MAJOR_VERSION, ISAL_MINOR_VERSION, ISAL_PATCH_VERSION, zlibVersion());
    verify();
    if (do_safety) safety();

    int passes[2] = {1, threads};
    for (int p = 0; p < (threads > 1 ? 2 : 1); p++) {
        int t = passes[p];
        printf("\nbest of %d rounds, %d thread%s; MB = 10^6 bytes of decompressed output\n", rounds, t, t == 1 ? "" : "s");
        printf("%-11s %8s %6s %9s %8s %9s %9s %5s %9s %10s %9s %5s\n", "library", "streams", "passes", "out MB", "seconds", "MB/s",
               "us/stream", "cpu", "small n", "us/small", "small MB/s", "cpu");
        for (size_t l = 0; l < N_LIBS; l++) {
            result_t ra = timed(&LIBS[l], all, n_streams, rounds, t);
            result_t rs = timed(&LIBS[l], sm, n_sm, rounds, t);
            row(LIBS[l].name, &ra, &rs);
            fflush(stdout);
        }
    }
    return 0;
}
