/*
 * libstreaming_pinyin_cache.so: gives the read-only Berkeley DB files libpinyin opens a page cache as large as the
 * file (capped), instead of Berkeley DB's 256 KiB default.
 *
 * Why: libpinyin opens its system tables (bigram.db, pinyin_index.bin, ...) with db_create(&db, NULL, 0) and
 * DB->open, without an environment, so neither its API nor a DB_CONFIG file can size the cache. Through the default
 * cache every guess re-reads pages with pread(2): about two thirds of a conversion's CPU time (perf, 2026-12-03).
 *
 * How: this library defines db_create. Loaded with RTLD_GLOBAL before libpinyin, it is found first when
 * libpinyin's reference to db_create is bound (the global scope is searched before libpinyin's own dependencies).
 * It forwards to libdb's db_create and swaps the new handle's open method for one that, for a file opened
 * DB_RDONLY, calls DB->set_cachesize with the file's size (plus slack, at most the configured cap) first. Handles
 * opened otherwise (libpinyin's in-memory and user tables) are left as they are. Nothing else changes, so the
 * text libpinyin produces is the same.
 */
#define _GNU_SOURCE
#include <db.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>

#define EXPORT __attribute__((visibility("default")))

typedef int (*db_create_fn)(DB **, DB_ENV *, u_int32_t);
typedef int (*db_open_fn)(DB *, DB_TXN *, const char *, const char *, DBTYPE, u_int32_t, int);

static pthread_once_t resolve_once = PTHREAD_ONCE_INIT;
static db_create_fn real_db_create;
static _Atomic(db_open_fn) real_open;
static _Atomic unsigned long long cache_cap = 64ull << 20;
static _Atomic unsigned long cached_opens;

static void resolve(void) {
    /* libpinyin links libdb-5.3.so, so it is loaded (locally) by the time libpinyin calls db_create. */
    void *libdb = dlopen("libdb-5.3.so", RTLD_NOW | RTLD_LOCAL);
    if (libdb != NULL) {
        real_db_create = (db_create_fn)dlsym(libdb, "db_create");
    }
}

static int open_with_cache(DB *db, DB_TXN *txn, const char *file, const char *database, DBTYPE type,
                           u_int32_t flags, int mode) {
    unsigned long long cap = atomic_load(&cache_cap);
    struct stat info;
    if (cap > 0 && file != NULL && (flags & DB_RDONLY) && stat(file, &info) == 0 && info.st_size > 0) {
        /* Slack for Berkeley DB's own pages and hash table; one region, so the whole file fits once read. */
        unsigned long long bytes = (unsigned long long)info.st_size + (1ull << 20);
        if (bytes > cap) {
            bytes = cap;
        }

        if (db->set_cachesize(db, (u_int32_t)(bytes >> 30), (u_int32_t)(bytes & ((1ull << 30) - 1)), 1) == 0) {
            atomic_fetch_add(&cached_opens, 1);
        }
    }

    return atomic_load(&real_open)(db, txn, file, database, type, flags, mode);
}

EXPORT int db_create(DB **dbp, DB_ENV *env, u_int32_t flags) {
    pthread_once(&resolve_once, resolve);
    if (real_db_create == NULL) {
        return ENOENT;
    }

    int ret = real_db_create(dbp, env, flags);
    /* Only handles without an environment: in one, the environment's owner sized the cache. */
    if (ret == 0 && env == NULL && *dbp != NULL && (*dbp)->open != open_with_cache) {
        atomic_store(&real_open, (*dbp)->open);
        (*dbp)->open = open_with_cache;
    }

    return ret;
}

/* Largest cache given to one read-only file, in bytes; 0 leaves Berkeley DB's default. Applies to later opens. */
EXPORT void streaming_pinyin_cache_set_cap(unsigned long long bytes) {
    atomic_store(&cache_cap, bytes);
}

/* How many read-only files were opened with a larger cache: 0 means the interposition did not take. */
EXPORT unsigned long streaming_pinyin_cache_opens(void) {
    return atomic_load(&cached_opens);
}
