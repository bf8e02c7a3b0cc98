/*
 * Streaming's Ascend shim: a small flat C ABI over AscendCL for the C# backend (LibraryImport).
 * A pool owns N slots on one device; each slot is an AscendCL context with one stream and the device
 * buffers last used on it, reused (and grown) across runs. A caller leases a slot, runs models on it,
 * and returns it; one slot never serves two callers at once.
 * Functions return 0 on success, SA_E_* for shim-level errors, or the AscendCL error code; `error`
 * buffers (may be NULL) receive a readable message.
 */
#ifndef STREAMING_ASCEND_H
#define STREAMING_ASCEND_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SA_MAX_DIMS 8

#define SA_OK 0
#define SA_E_ARGUMENT -1          /* bad argument (null, index out of range, wrong tensor count) */
#define SA_E_OUTPUT_TOO_SMALL -2  /* an output's host buffer is too small: required sizes are in bytes */
#define SA_E_NOT_LEASED -3        /* the slot is not leased */
#define SA_E_NO_MEMORY -4         /* host allocation failed */

typedef struct sa_pool sa_pool;
typedef struct sa_model sa_model;

/* One tensor crossing the ABI: host memory plus its AscendCL data type and shape. For outputs, bytes is
 * the host capacity on entry and the written size (or the required size) on return. */
typedef struct {
    void *data;
    uint64_t bytes;
    int32_t data_type;
    int32_t dims_count;
    int64_t dims[SA_MAX_DIMS];
} sa_tensor;

typedef struct {
    uint64_t leases;        /* leases granted so far */
    uint32_t leased;        /* slots leased now */
    uint32_t slots;
    uint32_t peak_leased;   /* most slots leased at once */
    uint32_t reserved;
    uint64_t busy_ns;       /* summed time slots spent inside sa_run */
    uint64_t runs;
    uint64_t failed_runs;
    uint64_t cached_bytes;  /* device buffers held by the slots */
} sa_pool_stats;

/* Number of devices, and whether the runtime is the AscendCL simulator (1) or CANN (0). */
int sa_probe(uint32_t *device_count, int32_t *is_simulator, char *error, size_t error_size);

int sa_pool_create(int32_t device_id, int32_t slots, sa_pool **pool, char *error, size_t error_size);
void sa_pool_destroy(sa_pool *pool);

int sa_model_load(sa_pool *pool, const char *path, sa_model **model, char *error, size_t error_size);
void sa_model_unload(sa_model *model);
int32_t sa_model_input_count(const sa_model *model);
int32_t sa_model_output_count(const sa_model *model);
const char *sa_model_input_name(const sa_model *model, int32_t index);
const char *sa_model_output_name(const sa_model *model, int32_t index);
int32_t sa_model_input_type(const sa_model *model, int32_t index);
int32_t sa_model_output_type(const sa_model *model, int32_t index);
/* Declared dimensions (-1 where dynamic) written to dims; returns their count, or -1 on error or when
 * there are more than capacity. */
int32_t sa_model_input_dims(const sa_model *model, int32_t index, int64_t *dims, int32_t capacity);
int32_t sa_model_output_dims(const sa_model *model, int32_t index, int64_t *dims, int32_t capacity);

/* Leases a free slot without blocking: returns its index, or -1 when every slot is leased. */
int32_t sa_lease(sa_pool *pool);
int sa_release(sa_pool *pool, int32_t slot);

/* Runs model on a leased slot: copies inputs to the slot's device buffers, executes on its stream,
 * waits, and copies outputs back. Inputs and outputs are in the model's order. */
int sa_run(sa_pool *pool, int32_t slot, sa_model *model, const sa_tensor *inputs, int32_t input_count,
           sa_tensor *outputs, int32_t output_count, char *error, size_t error_size);

int sa_memory(sa_pool *pool, uint64_t *free_bytes, uint64_t *total_bytes, char *error, size_t error_size);
/* Frees the device buffers of idle slots; returns bytes released through released_bytes. */
int sa_release_cache(sa_pool *pool, uint64_t *released_bytes, char *error, size_t error_size);
void sa_stats(sa_pool *pool, sa_pool_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
