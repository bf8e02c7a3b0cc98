/*
 * Streaming's Ascend shim over AscendCL (see include/streaming_ascend.h). Built against CANN when
 * ASCEND_TOOLKIT_HOME is set, otherwise against the AscendCL simulator in ../sim.
 */
#include "streaming_ascend.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "acl/acl.h"

#define SA_MAX_IO 64

struct buffer {
    void *ptr;
    size_t capacity;
};

struct slot {
    aclrtContext context;
    aclrtStream stream;
    bool leased;
    struct buffer inputs[SA_MAX_IO];
    struct buffer outputs[SA_MAX_IO];
};

struct sa_pool {
    int32_t device;
    int32_t count;
    struct slot *slots;
    pthread_mutex_t lock;
    uint64_t leases, busy_ns, runs, failed_runs;
    uint32_t leased, peak_leased;
    uint64_t cached_bytes; /* device buffers held by all slots; atomic, as runs grow them outside the lock */
};

struct sa_model {
    sa_pool *pool;
    uint32_t id;
    aclmdlDesc *desc;
    int32_t inputs, outputs;
};

static pthread_mutex_t g_init_lock = PTHREAD_MUTEX_INITIALIZER;
static bool g_initialized;

/* CANN declares error codes as `static const int`, not macros, so they cannot be switch labels in C. */
#define NAME_IF(constant)          \
    if (code == (constant)) {      \
        return #constant;          \
    }

static const char *error_name(int code)
{
    NAME_IF(ACL_ERROR_INVALID_PARAM)
    NAME_IF(ACL_ERROR_UNINITIALIZE)
    NAME_IF(ACL_ERROR_INVALID_FILE)
    NAME_IF(ACL_ERROR_INVALID_MODEL_ID)
    NAME_IF(ACL_ERROR_PARSE_MODEL)
    NAME_IF(ACL_ERROR_MODEL_INPUT_NOT_MATCH)
    NAME_IF(ACL_ERROR_MODEL_OUTPUT_NOT_MATCH)
    NAME_IF(ACL_ERROR_BAD_ALLOC)
    NAME_IF(ACL_ERROR_RT_PARAM_INVALID)
    NAME_IF(ACL_ERROR_RT_INVALID_DEVICEID)
    NAME_IF(ACL_ERROR_RT_CONTEXT_NULL)
    NAME_IF(ACL_ERROR_RT_STREAM_CONTEXT)
    NAME_IF(ACL_ERROR_RT_DEVIDE_OOM)
    NAME_IF(ACL_ERROR_RT_MODEL_EXECUTE)
    NAME_IF(ACL_ERROR_RT_AICORE_EXCEPTION)
    return "AscendCL error";
}

/* Writes "<call> failed: <code> <name>: <runtime message>" and returns code. */
static int fail(int code, const char *call, char *error, size_t error_size)
{
    if (error != NULL && error_size > 0) {
        const char *detail = aclGetRecentErrMsg();
        snprintf(error, error_size, "%s failed: %d %s%s%s", call, code, error_name(code), detail ? ": " : "",
                 detail ? detail : "");
    }
    return code;
}

static int fail_text(int code, const char *text, char *error, size_t error_size)
{
    if (error != NULL && error_size > 0) {
        snprintf(error, error_size, "%s", text);
    }
    return code;
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void finalize_at_exit(void) { aclFinalize(); }

/* AscendCL allows one aclInit per process: initialise on first use, finalise at exit. */
static int acl_acquire(char *error, size_t error_size)
{
    pthread_mutex_lock(&g_init_lock);
    int code = ACL_SUCCESS;
    if (!g_initialized) {
        code = aclInit(NULL);
        if (code == ACL_ERROR_REPEAT_INITIALIZE) {
            code = ACL_SUCCESS;
        }
        if (code == ACL_SUCCESS) {
            g_initialized = true;
            atexit(finalize_at_exit);
        }
    }
    pthread_mutex_unlock(&g_init_lock);
    return code == ACL_SUCCESS ? SA_OK : fail(code, "aclInit", error, error_size);
}

int sa_probe(uint32_t *device_count, int32_t *is_simulator, char *error, size_t error_size)
{
    if (device_count == NULL || is_simulator == NULL) {
        return fail_text(SA_E_ARGUMENT, "sa_probe: null argument", error, error_size);
    }
    int code = acl_acquire(error, error_size);
    if (code != SA_OK) {
        return code;
    }
    code = aclrtGetDeviceCount(device_count);
    const char *soc = aclrtGetSocName();
    *is_simulator = soc != NULL && strstr(soc, "Simulator") != NULL;
    return code == ACL_SUCCESS ? SA_OK : fail(code, "aclrtGetDeviceCount", error, error_size);
}

static size_t slot_cached_bytes(const struct slot *slot)
{
    size_t bytes = 0;
    for (int i = 0; i < SA_MAX_IO; i++) {
        bytes += slot->inputs[i].capacity + slot->outputs[i].capacity;
    }
    return bytes;
}

static void free_buffers(sa_pool *pool, struct slot *slot)
{
    __atomic_sub_fetch(&pool->cached_bytes, slot_cached_bytes(slot), __ATOMIC_RELAXED);
    for (int i = 0; i < SA_MAX_IO; i++) {
        if (slot->inputs[i].ptr != NULL) {
            aclrtFree(slot->inputs[i].ptr);
        }
        if (slot->outputs[i].ptr != NULL) {
            aclrtFree(slot->outputs[i].ptr);
        }
    }
    memset(slot->inputs, 0, sizeof slot->inputs);
    memset(slot->outputs, 0, sizeof slot->outputs);
}

void sa_pool_destroy(sa_pool *pool)
{
    if (pool == NULL) {
        return;
    }
    for (int32_t i = 0; i < pool->count; i++) {
        struct slot *slot = &pool->slots[i];
        if (slot->context == NULL) {
            continue;
        }
        aclrtSetCurrentContext(slot->context);
        free_buffers(pool, slot);
        if (slot->stream != NULL) {
            aclrtDestroyStream(slot->stream);
        }
        aclrtDestroyContext(slot->context);
    }
    aclrtResetDevice(pool->device);
    pthread_mutex_destroy(&pool->lock);
    free(pool->slots);
    free(pool);
}

int sa_pool_create(int32_t device_id, int32_t slots, sa_pool **pool, char *error, size_t error_size)
{
    if (pool == NULL || slots < 1) {
        return fail_text(SA_E_ARGUMENT, "sa_pool_create: a pool needs at least one slot", error, error_size);
    }
    int code = acl_acquire(error, error_size);
    if (code != SA_OK) {
        return code;
    }
    sa_pool *created = calloc(1, sizeof *created);
    struct slot *array = calloc((size_t)slots, sizeof *array);
    if (created == NULL || array == NULL) {
        free(created);
        free(array);
        return fail_text(SA_E_NO_MEMORY, "sa_pool_create: out of host memory", error, error_size);
    }
    created->device = device_id;
    created->count = slots;
    created->slots = array;
    pthread_mutex_init(&created->lock, NULL);
    code = aclrtSetDevice(device_id);
    if (code != ACL_SUCCESS) {
        fail(code, "aclrtSetDevice", error, error_size);
        sa_pool_destroy(created);
        return code;
    }
    for (int32_t i = 0; i < slots; i++) {
        code = aclrtCreateContext(&array[i].context, device_id);
        if (code != ACL_SUCCESS) {
            fail(code, "aclrtCreateContext", error, error_size);
            sa_pool_destroy(created);
            return code;
        }
        code = aclrtCreateStream(&array[i].stream);
        if (code != ACL_SUCCESS) {
            fail(code, "aclrtCreateStream", error, error_size);
            sa_pool_destroy(created);
            return code;
        }
    }
    *pool = created;
    return SA_OK;
}

int sa_model_load(sa_pool *pool, const char *path, sa_model **model, char *error, size_t error_size)
{
    if (pool == NULL || path == NULL || model == NULL) {
        return fail_text(SA_E_ARGUMENT, "sa_model_load: null argument", error, error_size);
    }
    sa_model *loaded = calloc(1, sizeof *loaded);
    if (loaded == NULL) {
        return fail_text(SA_E_NO_MEMORY, "sa_model_load: out of host memory", error, error_size);
    }
    loaded->pool = pool;
    int code = aclrtSetCurrentContext(pool->slots[0].context);
    if (code == ACL_SUCCESS) {
        code = aclmdlLoadFromFile(path, &loaded->id);
    }
    if (code != ACL_SUCCESS) {
        free(loaded);
        return fail(code, "aclmdlLoadFromFile", error, error_size);
    }
    loaded->desc = aclmdlCreateDesc();
    code = loaded->desc == NULL ? ACL_ERROR_BAD_ALLOC : aclmdlGetDesc(loaded->desc, loaded->id);
    if (code != ACL_SUCCESS) {
        fail(code, "aclmdlGetDesc", error, error_size);
        sa_model_unload(loaded);
        return code;
    }
    loaded->inputs = (int32_t)aclmdlGetNumInputs(loaded->desc);
    loaded->outputs = (int32_t)aclmdlGetNumOutputs(loaded->desc);
    if (loaded->inputs > SA_MAX_IO || loaded->outputs > SA_MAX_IO) {
        sa_model_unload(loaded);
        return fail_text(SA_E_ARGUMENT, "sa_model_load: the model has more than 64 inputs or outputs", error, error_size);
    }
    *model = loaded;
    return SA_OK;
}

void sa_model_unload(sa_model *model)
{
    if (model == NULL) {
        return;
    }
    aclrtSetCurrentContext(model->pool->slots[0].context);
    if (model->desc != NULL) {
        aclmdlDestroyDesc(model->desc);
    }
    if (model->id != 0) {
        aclmdlUnload(model->id);
    }
    free(model);
}

int32_t sa_model_input_count(const sa_model *model) { return model ? model->inputs : 0; }
int32_t sa_model_output_count(const sa_model *model) { return model ? model->outputs : 0; }

const char *sa_model_input_name(const sa_model *model, int32_t index)
{
    return model && index >= 0 && index < model->inputs ? aclmdlGetInputNameByIndex(model->desc, (size_t)index) : NULL;
}

const char *sa_model_output_name(const sa_model *model, int32_t index)
{
    return model && index >= 0 && index < model->outputs ? aclmdlGetOutputNameByIndex(model->desc, (size_t)index) : NULL;
}

int32_t sa_model_input_type(const sa_model *model, int32_t index)
{
    return model && index >= 0 && index < model->inputs ? aclmdlGetInputDataType(model->desc, (size_t)index) : ACL_DT_UNDEFINED;
}

int32_t sa_model_output_type(const sa_model *model, int32_t index)
{
    return model && index >= 0 && index < model->outputs ? aclmdlGetOutputDataType(model->desc, (size_t)index) : ACL_DT_UNDEFINED;
}

static int32_t copy_dims(aclError code, const aclmdlIODims *dims, int64_t *out, int32_t capacity)
{
    if (code != ACL_SUCCESS || dims->dimCount > (size_t)capacity) {
        return -1;
    }
    memcpy(out, dims->dims, dims->dimCount * sizeof dims->dims[0]);
    return (int32_t)dims->dimCount;
}

int32_t sa_model_input_dims(const sa_model *model, int32_t index, int64_t *dims, int32_t capacity)
{
    if (model == NULL || index < 0 || index >= model->inputs || dims == NULL) {
        return -1;
    }
    aclmdlIODims io;
    return copy_dims(aclmdlGetInputDims(model->desc, (size_t)index, &io), &io, dims, capacity);
}

int32_t sa_model_output_dims(const sa_model *model, int32_t index, int64_t *dims, int32_t capacity)
{
    if (model == NULL || index < 0 || index >= model->outputs || dims == NULL) {
        return -1;
    }
    aclmdlIODims io;
    return copy_dims(aclmdlGetOutputDims(model->desc, (size_t)index, &io), &io, dims, capacity);
}

int32_t sa_lease(sa_pool *pool)
{
    if (pool == NULL) {
        return -1;
    }
    pthread_mutex_lock(&pool->lock);
    int32_t found = -1;
    for (int32_t i = 0; i < pool->count && found < 0; i++) {
        if (!pool->slots[i].leased) {
            pool->slots[i].leased = true;
            pool->leases++;
            pool->leased++;
            if (pool->leased > pool->peak_leased) {
                pool->peak_leased = pool->leased;
            }
            found = i;
        }
    }
    pthread_mutex_unlock(&pool->lock);
    return found;
}

int sa_release(sa_pool *pool, int32_t slot)
{
    if (pool == NULL || slot < 0 || slot >= pool->count) {
        return SA_E_ARGUMENT;
    }
    pthread_mutex_lock(&pool->lock);
    int code = pool->slots[slot].leased ? SA_OK : SA_E_NOT_LEASED;
    if (code == SA_OK) {
        pool->slots[slot].leased = false;
        pool->leased--;
    }
    pthread_mutex_unlock(&pool->lock);
    return code;
}

/* Makes buffer hold at least bytes of device memory, keeping it when already large enough. */
static int reserve(sa_pool *pool, struct buffer *buffer, size_t bytes)
{
    if (buffer->capacity >= bytes && buffer->ptr != NULL) {
        return ACL_SUCCESS;
    }
    if (buffer->ptr != NULL) {
        aclrtFree(buffer->ptr);
        __atomic_sub_fetch(&pool->cached_bytes, buffer->capacity, __ATOMIC_RELAXED);
        buffer->ptr = NULL;
        buffer->capacity = 0;
    }
    size_t rounded = (bytes + 4095) & ~(size_t)4095;
    int code = aclrtMalloc(&buffer->ptr, rounded, ACL_MEM_MALLOC_HUGE_FIRST);
    if (code == ACL_SUCCESS) {
        buffer->capacity = rounded;
        __atomic_add_fetch(&pool->cached_bytes, rounded, __ATOMIC_RELAXED);
    }
    return code;
}

static uint64_t tensor_bytes(int32_t type, int32_t dims_count, const int64_t *dims)
{
    uint64_t bytes = aclDataTypeSize((aclDataType)type);
    for (int32_t i = 0; i < dims_count; i++) {
        bytes *= (uint64_t)(dims[i] < 0 ? 0 : dims[i]);
    }
    return bytes;
}

struct run {
    aclmdlDataset *input, *output;
    aclDataBuffer *buffers[2 * SA_MAX_IO];
    aclTensorDesc *descs[SA_MAX_IO];
    int buffer_count;
};

static void free_run(struct run *run)
{
    if (run->input != NULL) {
        aclmdlDestroyDataset(run->input);
    }
    if (run->output != NULL) {
        aclmdlDestroyDataset(run->output);
    }
    for (int i = 0; i < run->buffer_count; i++) {
        aclDestroyDataBuffer(run->buffers[i]);
    }
    for (int i = 0; i < SA_MAX_IO; i++) {
        if (run->descs[i] != NULL) {
            aclDestroyTensorDesc(run->descs[i]);
        }
    }
}

static int add_buffer(struct run *run, aclmdlDataset *dataset, void *ptr, size_t bytes)
{
    aclDataBuffer *buffer = aclCreateDataBuffer(ptr, bytes);
    if (buffer == NULL) {
        return ACL_ERROR_BAD_ALLOC;
    }
    run->buffers[run->buffer_count++] = buffer;
    return aclmdlAddDatasetBuffer(dataset, buffer);
}

/* Copies the inputs to the slot's device buffers and describes their shapes. */
static int stage_inputs(struct slot *slot, sa_model *model, const sa_tensor *inputs, struct run *run, char *error, size_t error_size)
{
    for (int32_t i = 0; i < model->inputs; i++) {
        const sa_tensor *tensor = &inputs[i];
        uint64_t bytes = tensor_bytes(tensor->data_type, tensor->dims_count, tensor->dims);
        if (tensor->dims_count < 0 || tensor->dims_count > SA_MAX_DIMS || bytes != tensor->bytes || (tensor->data == NULL && bytes > 0)) {
            char text[160];
            snprintf(text, sizeof text, "sa_run: input %d ('%s') has %llu bytes, its type and shape need %llu", i,
                     sa_model_input_name(model, i), (unsigned long long)tensor->bytes, (unsigned long long)bytes);
            return fail_text(SA_E_ARGUMENT, text, error, error_size);
        }
        size_t size = bytes > 0 ? bytes : 1;
        int code = reserve(model->pool, &slot->inputs[i], size);
        if (code != ACL_SUCCESS) {
            return fail(code, "aclrtMalloc", error, error_size);
        }
        if (bytes > 0) {
            code = aclrtMemcpy(slot->inputs[i].ptr, slot->inputs[i].capacity, tensor->data, bytes, ACL_MEMCPY_HOST_TO_DEVICE);
            if (code != ACL_SUCCESS) {
                return fail(code, "aclrtMemcpy", error, error_size);
            }
        }
        code = add_buffer(run, run->input, slot->inputs[i].ptr, size);
        if (code != ACL_SUCCESS) {
            return fail(code, "aclmdlAddDatasetBuffer", error, error_size);
        }
        /* Dynamic shapes travel as the dataset's tensor descriptions, which must outlive the execution. */
        run->descs[i] = aclCreateTensorDesc((aclDataType)tensor->data_type, tensor->dims_count, tensor->dims, ACL_FORMAT_ND);
        if (run->descs[i] == NULL) {
            return fail(ACL_ERROR_BAD_ALLOC, "aclCreateTensorDesc", error, error_size);
        }
        code = aclmdlSetDatasetTensorDesc(run->input, run->descs[i], (size_t)i);
        if (code != ACL_SUCCESS) {
            return fail(code, "aclmdlSetDatasetTensorDesc", error, error_size);
        }
    }
    return SA_OK;
}

static int stage_outputs(struct slot *slot, sa_model *model, const sa_tensor *outputs, struct run *run, char *error, size_t error_size)
{
    for (int32_t i = 0; i < model->outputs; i++) {
        size_t size = aclmdlGetOutputSizeByIndex(model->desc, (size_t)i);
        if (outputs[i].bytes > size) {
            size = outputs[i].bytes;
        }
        if (size == 0) {
            size = 1;
        }
        int code = reserve(model->pool, &slot->outputs[i], size);
        if (code != ACL_SUCCESS) {
            return fail(code, "aclrtMalloc", error, error_size);
        }
        code = add_buffer(run, run->output, slot->outputs[i].ptr, slot->outputs[i].capacity);
        if (code != ACL_SUCCESS) {
            return fail(code, "aclmdlAddDatasetBuffer", error, error_size);
        }
    }
    return SA_OK;
}

/* Reads output i's shape from the output dataset (static models may leave it unset: then it is flat). */
static void read_output_shape(sa_model *model, const struct run *run, int32_t i, sa_tensor *tensor)
{
    tensor->data_type = aclmdlGetOutputDataType(model->desc, (size_t)i);
    aclTensorDesc *desc = aclmdlGetDatasetTensorDesc(run->output, (size_t)i);
    if (desc == NULL) {
        size_t element = aclDataTypeSize((aclDataType)tensor->data_type);
        tensor->dims_count = 1;
        tensor->dims[0] = element ? (int64_t)(aclmdlGetOutputSizeByIndex(model->desc, (size_t)i) / element) : 0;
        return;
    }
    size_t count = aclGetTensorDescNumDims(desc);
    tensor->dims_count = (int32_t)(count > SA_MAX_DIMS ? SA_MAX_DIMS : count);
    for (int32_t d = 0; d < tensor->dims_count; d++) {
        aclGetTensorDescDimV2(desc, (size_t)d, &tensor->dims[d]);
    }
}

/* After a run: either all outputs fit their host buffers and are copied, or SA_E_OUTPUT_TOO_SMALL. */
static int collect_outputs(struct slot *slot, sa_model *model, sa_tensor *outputs, const struct run *run, int executed,
                           char *error, size_t error_size)
{
    bool too_small = false;
    uint64_t sizes[SA_MAX_IO];
    for (int32_t i = 0; i < model->outputs; i++) {
        int32_t type = outputs[i].data_type;
        int32_t dims_count = outputs[i].dims_count;
        int64_t dims[SA_MAX_DIMS];
        memcpy(dims, outputs[i].dims, sizeof dims);
        read_output_shape(model, run, i, &outputs[i]);
        sizes[i] = tensor_bytes(outputs[i].data_type, outputs[i].dims_count, outputs[i].dims);
        if (sizes[i] > outputs[i].bytes || sizes[i] > slot->outputs[i].capacity) {
            too_small = true;
        }
        if (executed != ACL_SUCCESS) {
            /* Failed for another reason: leave the caller's description as it was. */
            outputs[i].data_type = type;
            outputs[i].dims_count = dims_count;
            memcpy(outputs[i].dims, dims, sizeof dims);
        }
    }
    if (too_small) {
        for (int32_t i = 0; i < model->outputs; i++) {
            outputs[i].bytes = sizes[i];
        }
        return fail_text(SA_E_OUTPUT_TOO_SMALL, "sa_run: output buffers too small; required sizes returned", error, error_size);
    }
    if (executed != ACL_SUCCESS) {
        return executed;
    }
    for (int32_t i = 0; i < model->outputs; i++) {
        if (sizes[i] > 0) {
            int code = aclrtMemcpy(outputs[i].data, outputs[i].bytes, slot->outputs[i].ptr, sizes[i], ACL_MEMCPY_DEVICE_TO_HOST);
            if (code != ACL_SUCCESS) {
                return fail(code, "aclrtMemcpy", error, error_size);
            }
        }
        outputs[i].bytes = sizes[i];
    }
    return SA_OK;
}

static bool is_leased(sa_pool *pool, int32_t slot)
{
    pthread_mutex_lock(&pool->lock);
    bool leased = pool->slots[slot].leased;
    pthread_mutex_unlock(&pool->lock);
    return leased;
}

static int run_on(struct slot *slot, sa_model *model, const sa_tensor *inputs, sa_tensor *outputs, char *error, size_t error_size)
{
    int code = aclrtSetCurrentContext(slot->context);
    if (code != ACL_SUCCESS) {
        return fail(code, "aclrtSetCurrentContext", error, error_size);
    }
    struct run run = {0};
    run.input = aclmdlCreateDataset();
    run.output = aclmdlCreateDataset();
    if (run.input == NULL || run.output == NULL) {
        free_run(&run);
        return fail(ACL_ERROR_BAD_ALLOC, "aclmdlCreateDataset", error, error_size);
    }
    code = stage_inputs(slot, model, inputs, &run, error, error_size);
    if (code == SA_OK) {
        code = stage_outputs(slot, model, outputs, &run, error, error_size);
    }
    if (code == SA_OK) {
        code = aclmdlExecuteAsync(model->id, run.input, run.output, slot->stream);
        if (code != ACL_SUCCESS) {
            fail(code, "aclmdlExecuteAsync", error, error_size);
        } else {
            code = aclrtSynchronizeStream(slot->stream);
            if (code != ACL_SUCCESS) {
                fail(code, "aclrtSynchronizeStream", error, error_size);
            }
            int collected = collect_outputs(slot, model, outputs, &run, code, error, error_size);
            if (code == ACL_SUCCESS || collected == SA_E_OUTPUT_TOO_SMALL) {
                code = collected;
            }
        }
    }
    free_run(&run);
    return code;
}

int sa_run(sa_pool *pool, int32_t slot, sa_model *model, const sa_tensor *inputs, int32_t input_count,
           sa_tensor *outputs, int32_t output_count, char *error, size_t error_size)
{
    if (pool == NULL || model == NULL || model->pool != pool || slot < 0 || slot >= pool->count
        || (input_count > 0 && inputs == NULL) || (output_count > 0 && outputs == NULL)) {
        return fail_text(SA_E_ARGUMENT, "sa_run: bad pool, slot or model", error, error_size);
    }
    if (input_count != model->inputs || output_count != model->outputs) {
        char text[128];
        snprintf(text, sizeof text, "sa_run: the model has %d inputs and %d outputs, got %d and %d", model->inputs,
                 model->outputs, input_count, output_count);
        return fail_text(SA_E_ARGUMENT, text, error, error_size);
    }
    if (!is_leased(pool, slot)) {
        return fail_text(SA_E_NOT_LEASED, "sa_run: the slot is not leased", error, error_size);
    }
    uint64_t start = now_ns();
    int code = run_on(&pool->slots[slot], model, inputs, outputs, error, error_size);
    uint64_t elapsed = now_ns() - start;
    pthread_mutex_lock(&pool->lock);
    pool->busy_ns += elapsed;
    pool->runs++;
    if (code != SA_OK) {
        pool->failed_runs++;
    }
    pthread_mutex_unlock(&pool->lock);
    return code;
}

int sa_memory(sa_pool *pool, uint64_t *free_bytes, uint64_t *total_bytes, char *error, size_t error_size)
{
    if (pool == NULL || free_bytes == NULL || total_bytes == NULL) {
        return fail_text(SA_E_ARGUMENT, "sa_memory: null argument", error, error_size);
    }
    int code = aclrtSetCurrentContext(pool->slots[0].context);
    size_t free_size = 0, total = 0;
    if (code == ACL_SUCCESS) {
        code = aclrtGetMemInfo(ACL_HBM_MEM, &free_size, &total);
    }
    if (code != ACL_SUCCESS) {
        return fail(code, "aclrtGetMemInfo", error, error_size);
    }
    *free_bytes = free_size;
    *total_bytes = total;
    return SA_OK;
}

int sa_release_cache(sa_pool *pool, uint64_t *released_bytes, char *error, size_t error_size)
{
    if (pool == NULL || released_bytes == NULL) {
        return fail_text(SA_E_ARGUMENT, "sa_release_cache: null argument", error, error_size);
    }
    uint64_t released = 0;
    /* Holding the lock keeps idle slots from being leased while their buffers are freed. */
    pthread_mutex_lock(&pool->lock);
    for (int32_t i = 0; i < pool->count; i++) {
        struct slot *slot = &pool->slots[i];
        if (!slot->leased && aclrtSetCurrentContext(slot->context) == ACL_SUCCESS) {
            released += slot_cached_bytes(slot);
            free_buffers(pool, slot);
        }
    }
    pthread_mutex_unlock(&pool->lock);
    *released_bytes = released;
    return SA_OK;
}

void sa_stats(sa_pool *pool, sa_pool_stats *stats)
{
    if (pool == NULL || stats == NULL) {
        return;
    }
    memset(stats, 0, sizeof *stats);
    pthread_mutex_lock(&pool->lock);
    stats->leases = pool->leases;
    stats->leased = pool->leased;
    stats->slots = (uint32_t)pool->count;
    stats->peak_leased = pool->peak_leased;
    stats->busy_ns = pool->busy_ns;
    stats->runs = pool->runs;
    stats->failed_runs = pool->failed_runs;
    pthread_mutex_unlock(&pool->lock);
    stats->cached_bytes = __atomic_load_n(&pool->cached_bytes, __ATOMIC_RELAXED);
}
