/*
 * AscendCL SIMULATOR, runtime half: devices, contexts, streams and device memory. A stream is a real
 * asynchronous work queue served by its own thread; "device" memory is host memory tracked in a
 * registry so that memcpy kinds, freed or foreign pointers and cross-context stream use are rejected
 * with the error codes the real runtime returns.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "aclsim_internal.h"

#define CONTEXT_MAGIC 0x43545831u
#define STREAM_MAGIC 0x5354524du
#define DEAD_MAGIC 0xdeadbeefu

struct aclsim_context {
    uint32_t magic;
    int32_t device;
    struct aclsim_context *next_all; /* every context ever made, freed at aclFinalize */
};

struct task {
    uint32_t model_id;
    const aclmdlDataset *input;
    aclmdlDataset *output;
    struct task *next;
};

struct aclsim_stream {
    uint32_t magic;
    struct aclsim_context *context;
    pthread_t worker;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    struct task *head, *tail;
    unsigned pending;        /* queued or running tasks */
    bool stopping;
    aclError error;          /* first failure since the last synchronisation */
    char error_message[256];
    pthread_t last_submitter;
    struct aclsim_stream *next_all;
};

struct block {
    char *ptr;
    size_t size;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static bool g_initialized;
static uint32_t g_device_count = 1;
static size_t g_memory_total = (size_t)8 << 30;
static struct aclsim_context *g_default_contexts[16];
static struct aclsim_context *g_all_contexts;
static struct aclsim_stream *g_all_streams;
static struct block *g_blocks;
static size_t g_block_count, g_block_capacity, g_memory_used;
static uint64_t g_executions, g_stream_sharing;
static uint32_t g_injected_failures;
static uint32_t g_execute_delay_us;
static __thread struct aclsim_context *t_current;
static __thread char t_error[512];

void aclsim_set_error(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(t_error, sizeof t_error, format, args);
    va_end(args);
}

const char *aclGetRecentErrMsg(void) { return t_error[0] ? t_error : NULL; }

bool aclsim_initialized(void)
{
    pthread_mutex_lock(&g_lock);
    bool result = g_initialized;
    pthread_mutex_unlock(&g_lock);
    return result;
}

struct aclsim_context *aclsim_current_context(void) { return t_current; }

bool aclsim_context_alive(const struct aclsim_context *context) { return context != NULL && context->magic == CONTEXT_MAGIC; }

size_t aclDataTypeSize(aclDataType dataType)
{
    switch (dataType) {
    case ACL_FLOAT: case ACL_INT32: case ACL_UINT32: return 4;
    case ACL_FLOAT16: case ACL_INT16: case ACL_UINT16: return 2;
    case ACL_INT8: case ACL_UINT8: case ACL_BOOL: return 1;
    case ACL_INT64: case ACL_UINT64: case ACL_DOUBLE: return 8;
    default: return 0;
    }
}

static size_t env_size(const char *name, size_t fallback)
{
    const char *text = getenv(name);
    if (text == NULL || *text == '\0') {
        return fallback;
    }
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    return *end == '\0' && value > 0 ? (size_t)value : fallback;
}

aclError aclInit(const char *configPath)
{
    (void)configPath;
    pthread_mutex_lock(&g_lock);
    if (g_initialized) {
        pthread_mutex_unlock(&g_lock);
        aclsim_set_error("aclInit: already initialised");
        return ACL_ERROR_REPEAT_INITIALIZE;
    }
    g_device_count = (uint32_t)env_size("ACLSIM_DEVICE_COUNT", 1);
    if (g_device_count > 16) {
        g_device_count = 16;
    }
    g_memory_total = env_size("ACLSIM_MEMORY_BYTES", (size_t)8 << 30);
    g_initialized = true;
    pthread_mutex_unlock(&g_lock);
    return ACL_SUCCESS;
}

static void stop_stream(struct aclsim_stream *stream);

aclError aclFinalize(void)
{
    pthread_mutex_lock(&g_lock);
    if (!g_initialized) {
        pthread_mutex_unlock(&g_lock);
        return ACL_ERROR_UNINITIALIZE;
    }
    g_initialized = false;
    struct aclsim_stream *streams = g_all_streams;
    struct aclsim_context *contexts = g_all_contexts;
    g_all_streams = NULL;
    g_all_contexts = NULL;
    memset(g_default_contexts, 0, sizeof g_default_contexts);
    pthread_mutex_unlock(&g_lock);

    while (streams != NULL) {
        struct aclsim_stream *next = streams->next_all;
        stop_stream(streams);
        pthread_mutex_destroy(&streams->lock);
        pthread_cond_destroy(&streams->changed);
        free(streams);
        streams = next;
    }
    while (contexts != NULL) {
        struct aclsim_context *next = contexts->next_all;
        free(contexts);
        contexts = next;
    }
    aclsim_models_shutdown();
    t_current = NULL;
    return ACL_SUCCESS;
}

aclError aclrtGetDeviceCount(uint32_t *count)
{
    if (count == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    if (!aclsim_initialized()) {
        return ACL_ERROR_UNINITIALIZE;
    }
    *count = g_device_count;
    return ACL_SUCCESS;
}

const char *aclrtGetSocName(void) { return "AscendSimulator"; }

static struct aclsim_context *new_context(int32_t device)
{
    struct aclsim_context *context = calloc(1, sizeof *context);
    if (context == NULL) {
        return NULL;
    }
    context->magic = CONTEXT_MAGIC;
    context->device = device;
    context->next_all = g_all_contexts;
    g_all_contexts = context;
    return context;
}

static aclError check_device(int32_t device)
{
    if (!g_initialized) {
        aclsim_set_error("AscendCL is not initialised: call aclInit first");
        return ACL_ERROR_UNINITIALIZE;
    }
    if (device < 0 || (uint32_t)device >= g_device_count) {
        aclsim_set_error("device %d does not exist (simulated devices: %u)", device, g_device_count);
        return ACL_ERROR_RT_INVALID_DEVICEID;
    }
    return ACL_SUCCESS;
}

aclError aclrtSetDevice(int32_t deviceId)
{
    pthread_mutex_lock(&g_lock);
    aclError error = check_device(deviceId);
    if (error == ACL_SUCCESS && g_default_contexts[deviceId] == NULL) {
        g_default_contexts[deviceId] = new_context(deviceId);
        if (g_default_contexts[deviceId] == NULL) {
            error = ACL_ERROR_BAD_ALLOC;
        }
    }
    if (error == ACL_SUCCESS) {
        t_current = g_default_contexts[deviceId];
    }
    pthread_mutex_unlock(&g_lock);
    return error;
}

aclError aclrtResetDevice(int32_t deviceId)
{
    pthread_mutex_lock(&g_lock);
    aclError error = check_device(deviceId);
    if (error == ACL_SUCCESS && t_current != NULL && t_current->device == deviceId) {
        t_current = NULL;
    }
    pthread_mutex_unlock(&g_lock);
    return error;
}

aclError aclrtCreateContext(aclrtContext *context, int32_t deviceId)
{
    if (context == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    pthread_mutex_lock(&g_lock);
    aclError error = check_device(deviceId);
    struct aclsim_context *created = error == ACL_SUCCESS ? new_context(deviceId) : NULL;
    if (error == ACL_SUCCESS && created == NULL) {
        error = ACL_ERROR_BAD_ALLOC;
    }
    pthread_mutex_unlock(&g_lock);
    if (created != NULL) {
        /* As in AscendCL, a new context becomes the calling thread's current one. */
        t_current = created;
        *context = created;
    }
    return error;
}

aclError aclrtDestroyContext(aclrtContext context)
{
    struct aclsim_context *target = context;
    pthread_mutex_lock(&g_lock);
    bool alive = aclsim_context_alive(target);
    if (alive) {
        target->magic = DEAD_MAGIC; /* kept until aclFinalize so late use is detected, not a crash */
    }
    pthread_mutex_unlock(&g_lock);
    if (!alive) {
        aclsim_set_error("aclrtDestroyContext: not a live context");
        return ACL_ERROR_INVALID_PARAM;
    }
    if (t_current == target) {
        t_current = NULL;
    }
    return ACL_SUCCESS;
}

aclError aclrtSetCurrentContext(aclrtContext context)
{
    if (!aclsim_context_alive(context)) {
        aclsim_set_error("aclrtSetCurrentContext: not a live context");
        return ACL_ERROR_INVALID_PARAM;
    }
    t_current = context;
    return ACL_SUCCESS;
}

aclError aclrtGetCurrentContext(aclrtContext *context)
{
    if (context == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    if (t_current == NULL) {
        return ACL_ERROR_RT_CONTEXT_NULL;
    }
    *context = t_current;
    return ACL_SUCCESS;
}

static aclError require_context(const char *api)
{
    if (!aclsim_initialized()) {
        aclsim_set_error("%s: AscendCL is not initialised", api);
        return ACL_ERROR_UNINITIALIZE;
    }
    if (!aclsim_context_alive(t_current)) {
        aclsim_set_error("%s: no current context on this thread (call aclrtSetCurrentContext)", api);
        return ACL_ERROR_RT_CONTEXT_NULL;
    }
    return ACL_SUCCESS;
}

static void *stream_worker(void *arg)
{
    struct aclsim_stream *stream = arg;
    pthread_mutex_lock(&stream->lock);
    for (;;) {
        while (stream->head == NULL && !stream->stopping) {
            pthread_cond_wait(&stream->changed, &stream->lock);
        }
        if (stream->head == NULL) {
            break;
        }
        struct task *task = stream->head;
        pthread_mutex_unlock(&stream->lock);

        aclError error;
        bool injected = false;
        pthread_mutex_lock(&g_lock);
        if (g_injected_failures > 0) {
            g_injected_failures--;
            injected = true;
        }
        pthread_mutex_unlock(&g_lock);
        if (injected) {
            error = ACL_ERROR_RT_AICORE_EXCEPTION;
            aclsim_set_error("simulated AI Core exception (injected fault) in model %u", task->model_id);
        } else {
            t_error[0] = '\0';
            error = aclsim_model_run(task->model_id, task->input, task->output);
        }
        pthread_mutex_lock(&g_lock);
        g_executions++;
        uint32_t delay = g_execute_delay_us;
        pthread_mutex_unlock(&g_lock);
        if (delay > 0) {
            usleep(delay);
        }

        pthread_mutex_lock(&stream->lock);
        if (error != ACL_SUCCESS && stream->error == ACL_SUCCESS) {
            stream->error = error;
            snprintf(stream->error_message, sizeof stream->error_message, "%s", t_error);
        }
        stream->head = task->next;
        if (stream->head == NULL) {
            stream->tail = NULL;
        }
        stream->pending--;
        free(task);
        pthread_cond_broadcast(&stream->changed);
    }
    pthread_mutex_unlock(&stream->lock);
    return NULL;
}

static struct aclsim_stream *live_stream(aclrtStream handle)
{
    struct aclsim_stream *stream = handle;
    return stream != NULL && stream->magic == STREAM_MAGIC ? stream : NULL;
}

aclError aclrtCreateStream(aclrtStream *stream)
{
    if (stream == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    aclError error = require_context("aclrtCreateStream");
    if (error != ACL_SUCCESS) {
        return error;
    }
    struct aclsim_stream *created = calloc(1, sizeof *created);
    if (created == NULL) {
        return ACL_ERROR_BAD_ALLOC;
    }
    created->magic = STREAM_MAGIC;
    created->context = t_current;
    pthread_mutex_init(&created->lock, NULL);
    pthread_cond_init(&created->changed, NULL);
    if (pthread_create(&created->worker, NULL, stream_worker, created) != 0) {
        pthread_mutex_destroy(&created->lock);
        pthread_cond_destroy(&created->changed);
        free(created);
        return ACL_ERROR_BAD_ALLOC;
    }
    pthread_mutex_lock(&g_lock);
    created->next_all = g_all_streams;
    g_all_streams = created;
    pthread_mutex_unlock(&g_lock);
    *stream = created;
    return ACL_SUCCESS;
}

static void stop_stream(struct aclsim_stream *stream)
{
    pthread_mutex_lock(&stream->lock);
    bool running = !stream->stopping;
    stream->stopping = true;
    pthread_cond_broadcast(&stream->changed);
    pthread_mutex_unlock(&stream->lock);
    if (running) {
        pthread_join(stream->worker, NULL);
    }
    stream->magic = DEAD_MAGIC;
}

aclError aclrtDestroyStream(aclrtStream handle)
{
    struct aclsim_stream *stream = live_stream(handle);
    if (stream == NULL) {
        aclsim_set_error("aclrtDestroyStream: not a live stream");
        return ACL_ERROR_INVALID_PARAM;
    }
    /* The queue drains before the worker stops, as the real runtime finishes submitted work. */
    stop_stream(stream);
    return ACL_SUCCESS;
}

static aclError check_stream_context(struct aclsim_stream *stream, const char *api)
{
    aclError error = require_context(api);
    if (error != ACL_SUCCESS) {
        return error;
    }
    if (stream == NULL) {
        aclsim_set_error("%s: not a live stream", api);
        return ACL_ERROR_INVALID_PARAM;
    }
    if (stream->context != t_current) {
        aclsim_set_error("%s: stream belongs to another context than the thread's current one", api);
        return ACL_ERROR_RT_STREAM_CONTEXT;
    }
    return ACL_SUCCESS;
}

aclError aclrtSynchronizeStream(aclrtStream handle)
{
    struct aclsim_stream *stream = live_stream(handle);
    aclError error = check_stream_context(stream, "aclrtSynchronizeStream");
    if (error != ACL_SUCCESS) {
        return error;
    }
    pthread_mutex_lock(&stream->lock);
    while (stream->pending > 0) {
        pthread_cond_wait(&stream->changed, &stream->lock);
    }
    error = stream->error;
    if (error != ACL_SUCCESS) {
        snprintf(t_error, sizeof t_error, "%s", stream->error_message);
    }
    stream->error = ACL_SUCCESS;
    pthread_mutex_unlock(&stream->lock);
    return error;
}

aclError aclmdlExecuteAsync(uint32_t modelId, const aclmdlDataset *input, aclmdlDataset *output, aclrtStream handle)
{
    struct aclsim_stream *stream = live_stream(handle);
    aclError error = check_stream_context(stream, "aclmdlExecuteAsync");
    if (error != ACL_SUCCESS) {
        return error;
    }
    if (input == NULL || output == NULL) {
        aclsim_set_error("aclmdlExecuteAsync: input and output datasets are required");
        return ACL_ERROR_INVALID_PARAM;
    }
    struct task *task = calloc(1, sizeof *task);
    if (task == NULL) {
        return ACL_ERROR_BAD_ALLOC;
    }
    task->model_id = modelId;
    task->input = input;
    task->output = output;

    pthread_mutex_lock(&stream->lock);
    pthread_t self = pthread_self();
    if (stream->pending > 0 && !pthread_equal(stream->last_submitter, self)) {
        pthread_mutex_lock(&g_lock);
        g_stream_sharing++;
        pthread_mutex_unlock(&g_lock);
    }
    stream->last_submitter = self;
    if (stream->tail != NULL) {
        stream->tail->next = task;
    } else {
        stream->head = task;
    }
    stream->tail = task;
    stream->pending++;
    pthread_cond_broadcast(&stream->changed);
    pthread_mutex_unlock(&stream->lock);
    return ACL_SUCCESS;
}

aclError aclmdlExecute(uint32_t modelId, const aclmdlDataset *input, aclmdlDataset *output)
{
    aclError error = require_context("aclmdlExecute");
    if (error != ACL_SUCCESS) {
        return error;
    }
    error = aclsim_model_run(modelId, input, output);
    pthread_mutex_lock(&g_lock);
    g_executions++;
    pthread_mutex_unlock(&g_lock);
    return error;
}

/* Index of the live block holding ptr, or -1. Caller holds g_lock. */
static long find_block(const char *ptr)
{
    for (size_t i = 0; i < g_block_count; i++) {
        if (ptr >= g_blocks[i].ptr && ptr < g_blocks[i].ptr + g_blocks[i].size) {
            return (long)i;
        }
    }
    return -1;
}

bool aclsim_is_device_range(const void *ptr, size_t size)
{
    pthread_mutex_lock(&g_lock);
    long index = find_block(ptr);
    bool inside = index >= 0 && (const char *)ptr + size <= g_blocks[index].ptr + g_blocks[index].size;
    pthread_mutex_unlock(&g_lock);
    return inside;
}

aclError aclrtMalloc(void **devPtr, size_t size, aclrtMemMallocPolicy policy)
{
    (void)policy;
    if (devPtr == NULL || size == 0) {
        aclsim_set_error("aclrtMalloc: a pointer and a non-zero size are required");
        return ACL_ERROR_INVALID_PARAM;
    }
    aclError error = require_context("aclrtMalloc");
    if (error != ACL_SUCCESS) {
        return error;
    }
    pthread_mutex_lock(&g_lock);
    if (g_memory_used + size > g_memory_total) {
        pthread_mutex_unlock(&g_lock);
        aclsim_set_error("aclrtMalloc: simulated device memory exhausted (%zu of %zu bytes used, %zu asked)",
                         g_memory_used, g_memory_total, size);
        return ACL_ERROR_RT_DEVIDE_OOM;
    }
    if (g_block_count == g_block_capacity) {
        size_t capacity = g_block_capacity ? g_block_capacity * 2 : 64;
        struct block *grown = realloc(g_blocks, capacity * sizeof *grown);
        if (grown == NULL) {
            pthread_mutex_unlock(&g_lock);
            return ACL_ERROR_BAD_ALLOC;
        }
        g_blocks = grown;
        g_block_capacity = capacity;
    }
    char *memory = malloc(size);
    if (memory == NULL) {
        pthread_mutex_unlock(&g_lock);
        return ACL_ERROR_BAD_ALLOC;
    }
    g_blocks[g_block_count++] = (struct block){memory, size};
    g_memory_used += size;
    pthread_mutex_unlock(&g_lock);
    *devPtr = memory;
    return ACL_SUCCESS;
}

aclError aclrtFree(void *devPtr)
{
    pthread_mutex_lock(&g_lock);
    long index = find_block(devPtr);
    if (index < 0 || g_blocks[index].ptr != devPtr) {
        pthread_mutex_unlock(&g_lock);
        aclsim_set_error("aclrtFree: %p is not the start of a live device allocation (already freed?)", devPtr);
        return ACL_ERROR_RT_PARAM_INVALID;
    }
    g_memory_used -= g_blocks[index].size;
    free(g_blocks[index].ptr);
    g_blocks[index] = g_blocks[--g_block_count];
    pthread_mutex_unlock(&g_lock);
    return ACL_SUCCESS;
}

aclError aclrtMemcpy(void *dst, size_t destMax, const void *src, size_t count, aclrtMemcpyKind kind)
{
    aclError error = require_context("aclrtMemcpy");
    if (error != ACL_SUCCESS) {
        return error;
    }
    if (dst == NULL || src == NULL || count > destMax) {
        aclsim_set_error("aclrtMemcpy: null pointer or count %zu above destMax %zu", count, destMax);
        return ACL_ERROR_INVALID_PARAM;
    }
    bool dst_device = aclsim_is_device_range(dst, count);
    bool src_device = aclsim_is_device_range(src, count);
    bool want_dst_device = kind == ACL_MEMCPY_HOST_TO_DEVICE || kind == ACL_MEMCPY_DEVICE_TO_DEVICE;
    bool want_src_device = kind == ACL_MEMCPY_DEVICE_TO_HOST || kind == ACL_MEMCPY_DEVICE_TO_DEVICE;
    if (kind > ACL_MEMCPY_DEVICE_TO_DEVICE || dst_device != want_dst_device || src_device != want_src_device) {
        aclsim_set_error("aclrtMemcpy: kind %d does not match the pointers (destination %s, source %s)", (int)kind,
                         dst_device ? "device" : "host or freed", src_device ? "device" : "host or freed");
        return ACL_ERROR_INVALID_PARAM;
    }
    memcpy(dst, src, count);
    return ACL_SUCCESS;
}

aclError aclrtGetMemInfo(aclrtMemAttr attr, size_t *free_bytes, size_t *total)
{
    (void)attr;
    if (free_bytes == NULL || total == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    aclError error = require_context("aclrtGetMemInfo");
    if (error != ACL_SUCCESS) {
        return error;
    }
    pthread_mutex_lock(&g_lock);
    *total = g_memory_total;
    *free_bytes = g_memory_total - g_memory_used;
    pthread_mutex_unlock(&g_lock);
    return ACL_SUCCESS;
}

void aclsimInjectExecuteFailures(uint32_t count)
{
    pthread_mutex_lock(&g_lock);
    g_injected_failures = count;
    pthread_mutex_unlock(&g_lock);
}

void aclsimSetExecuteDelay(uint32_t microseconds)
{
    pthread_mutex_lock(&g_lock);
    g_execute_delay_us = microseconds;
    pthread_mutex_unlock(&g_lock);
}

void aclsimGetCounters(aclsimCounters *counters)
{
    if (counters == NULL) {
        return;
    }
    pthread_mutex_lock(&g_lock);
    counters->executions = g_executions;
    counters->stream_sharing = g_stream_sharing;
    counters->live_allocations = g_block_count;
    counters->live_bytes = g_memory_used;
    pthread_mutex_unlock(&g_lock);
}
