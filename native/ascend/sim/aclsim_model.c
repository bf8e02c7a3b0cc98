/*
 * AscendCL SIMULATOR, model half: a "model file" is an ONNX graph run through ONNX Runtime's C API, so
 * the simulator gives the same numbers as the CPU backend. Descriptions, datasets, data buffers and
 * tensor descriptions follow AscendCL's ownership rules; dynamic input shapes come from the dataset's
 * tensor descriptions and output shapes are reported the same way after execution.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <onnxruntime_c_api.h>
#include "aclsim_internal.h"

#define MAX_MODELS 256

struct io {
    char *name;
    aclDataType type;
    ONNXTensorElementDataType onnx_type;
    int dims_count;
    int64_t dims[ACLSIM_MAX_DIMS]; /* -1 where dynamic */
};

struct model {
    OrtSession *session;
    size_t inputs_count, outputs_count;
    struct io inputs[ACLSIM_MAX_IO];
    struct io outputs[ACLSIM_MAX_IO];
};

struct aclmdlDesc {
    uint32_t model_id;
    struct model *model;
};

static pthread_mutex_t g_models_lock = PTHREAD_MUTEX_INITIALIZER;
static const OrtApi *g_ort;
static OrtEnv *g_env;
static struct model *g_models[MAX_MODELS];

/*
 * ONNX Runtime is opened at run time, preferring the application's own copy (from the NuGet package,
 * whose file name lacks the soname's ".1"), so the simulator and the managed backend share one runtime.
 * Caller holds g_models_lock.
 */
static bool load_ort(void)
{
    if (g_ort != NULL) {
        return true;
    }
    Dl_info self;
    void *library = NULL;
    if (dladdr((void *)load_ort, &self) != 0 && self.dli_fname != NULL) {
        char path[4096];
        snprintf(path, sizeof path, "%s", self.dli_fname);
        char *slash = strrchr(path, '/');
        /* Published apps have it beside us; build outputs keep it under runtimes/<rid>/native. */
        const char *candidates[] = {"libonnxruntime.so", "runtimes/linux-x64/native/libonnxruntime.so"};
        for (size_t i = 0; slash != NULL && library == NULL && i < sizeof candidates / sizeof *candidates; i++) {
            snprintf(slash + 1, sizeof path - (size_t)(slash + 1 - path), "%s", candidates[i]);
            library = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
        }
    }
    if (library == NULL) {
        library = dlopen("libonnxruntime.so.1", RTLD_NOW | RTLD_GLOBAL);
    }
    const OrtApiBase *(*get_base)(void) = library ? (const OrtApiBase *(*)(void))dlsym(library, "OrtGetApiBase") : NULL;
    if (get_base == NULL) {
        aclsim_set_error("the AscendCL simulator needs ONNX Runtime (libonnxruntime.so beside it): %s", dlerror());
        return false;
    }
    g_ort = get_base()->GetApi(ORT_API_VERSION);
    if (g_ort == NULL) {
        aclsim_set_error("the ONNX Runtime beside the AscendCL simulator is older than API version %d", ORT_API_VERSION);
    }
    return g_ort != NULL;
}

static aclDataType from_onnx(ONNXTensorElementDataType type)
{
    switch (type) {
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT: return ACL_FLOAT;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16: return ACL_FLOAT16;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8: return ACL_INT8;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32: return ACL_INT32;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8: return ACL_UINT8;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64: return ACL_INT64;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE: return ACL_DOUBLE;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL: return ACL_BOOL;
    default: return ACL_DT_UNDEFINED;
    }
}

/* Returns true on success; on failure records ONNX Runtime's message and releases the status. */
static bool ort_ok(OrtStatus *status, const char *what)
{
    if (status == NULL) {
        return true;
    }
    aclsim_set_error("%s: %s", what, g_ort->GetErrorMessage(status));
    g_ort->ReleaseStatus(status);
    return false;
}

static bool describe(OrtTypeInfo *info, struct io *io)
{
    const OrtTensorTypeAndShapeInfo *tensor;
    size_t count;
    if (!ort_ok(g_ort->CastTypeInfoToTensorInfo(info, &tensor), "type info") || tensor == NULL
        || !ort_ok(g_ort->GetTensorElementType(tensor, &io->onnx_type), "element type")
        || !ort_ok(g_ort->GetDimensionsCount(tensor, &count), "dimensions") || count > ACLSIM_MAX_DIMS
        || !ort_ok(g_ort->GetDimensions(tensor, io->dims, count), "dimensions")) {
        return false;
    }
    io->dims_count = (int)count;
    io->type = from_onnx(io->onnx_type);
    return io->type != ACL_DT_UNDEFINED;
}

static void free_model(struct model *model)
{
    if (model == NULL) {
        return;
    }
    for (size_t i = 0; i < model->inputs_count; i++) {
        free(model->inputs[i].name);
    }
    for (size_t i = 0; i < model->outputs_count; i++) {
        free(model->outputs[i].name);
    }
    if (model->session != NULL) {
        g_ort->ReleaseSession(model->session);
    }
    free(model);
}

static bool read_io(struct model *model, bool inputs)
{
    OrtAllocator *allocator;
    if (!ort_ok(g_ort->GetAllocatorWithDefaultOptions(&allocator), "allocator")) {
        return false;
    }
    size_t count;
    OrtStatus *status = inputs ? g_ort->SessionGetInputCount(model->session, &count)
                               : g_ort->SessionGetOutputCount(model->session, &count);
    if (!ort_ok(status, "io count") || count > ACLSIM_MAX_IO) {
        return false;
    }
    for (size_t i = 0; i < count; i++) {
        struct io *io = inputs ? &model->inputs[i] : &model->outputs[i];
        char *name;
        OrtTypeInfo *info;
        status = inputs ? g_ort->SessionGetInputName(model->session, i, allocator, &name)
                        : g_ort->SessionGetOutputName(model->session, i, allocator, &name);
        if (!ort_ok(status, "io name")) {
            return false;
        }
        io->name = strdup(name);
        allocator->Free(allocator, name);
        if (inputs) {
            model->inputs_count = i + 1;
        } else {
            model->outputs_count = i + 1;
        }
        status = inputs ? g_ort->SessionGetInputTypeInfo(model->session, i, &info)
                        : g_ort->SessionGetOutputTypeInfo(model->session, i, &info);
        if (!ort_ok(status, "io type")) {
            return false;
        }
        bool described = describe(info, io);
        g_ort->ReleaseTypeInfo(info);
        if (!described) {
            aclsim_set_error("'%s' is not a tensor of a supported element type", io->name);
            return false;
        }
    }
    return true;
}

aclError aclmdlLoadFromFile(const char *modelPath, uint32_t *modelId)
{
    if (modelPath == NULL || modelId == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    if (!aclsim_initialized()) {
        return ACL_ERROR_UNINITIALIZE;
    }
    if (!aclsim_context_alive(aclsim_current_context())) {
        aclsim_set_error("aclmdlLoadFromFile: no current context on this thread");
        return ACL_ERROR_RT_CONTEXT_NULL;
    }
    pthread_mutex_lock(&g_models_lock);
    if (!load_ort()) {
        pthread_mutex_unlock(&g_models_lock);
        return ACL_ERROR_INVALID_FILE;
    }
    if (g_env == NULL && !ort_ok(g_ort->CreateEnv(ORT_LOGGING_LEVEL_ERROR, "aclsim", &g_env), "environment")) {
        pthread_mutex_unlock(&g_models_lock);
        return ACL_ERROR_BAD_ALLOC;
    }
    pthread_mutex_unlock(&g_models_lock);

    struct model *model = calloc(1, sizeof *model);
    OrtSessionOptions *options = NULL;
    if (model == NULL || !ort_ok(g_ort->CreateSessionOptions(&options), "session options")) {
        free(model);
        return ACL_ERROR_BAD_ALLOC;
    }
    /* Each simulated stream is one worker thread: parallelism comes from the stream pool, not the graph. */
    bool loaded = ort_ok(g_ort->SetIntraOpNumThreads(options, 1), "session options")
                  && ort_ok(g_ort->SetInterOpNumThreads(options, 1), "session options")
                  && ort_ok(g_ort->AddSessionConfigEntry(options, "session.intra_op.allow_spinning", "0"), "session options")
                  && ort_ok(g_ort->CreateSession(g_env, modelPath, options, &model->session), "aclmdlLoadFromFile");
    g_ort->ReleaseSessionOptions(options);
    if (!loaded) {
        free_model(model);
        return ACL_ERROR_INVALID_FILE;
    }
    if (!read_io(model, true) || !read_io(model, false)) {
        free_model(model);
        return ACL_ERROR_PARSE_MODEL;
    }
    pthread_mutex_lock(&g_models_lock);
    for (uint32_t i = 0; i < MAX_MODELS; i++) {
        if (g_models[i] == NULL) {
            g_models[i] = model;
            pthread_mutex_unlock(&g_models_lock);
            *modelId = i + 1;
            return ACL_SUCCESS;
        }
    }
    pthread_mutex_unlock(&g_models_lock);
    free_model(model);
    aclsim_set_error("aclmdlLoadFromFile: too many models loaded");
    return ACL_ERROR_BAD_ALLOC;
}

static struct model *find_model(uint32_t id)
{
    pthread_mutex_lock(&g_models_lock);
    struct model *model = id >= 1 && id <= MAX_MODELS ? g_models[id - 1] : NULL;
    pthread_mutex_unlock(&g_models_lock);
    return model;
}

aclError aclmdlUnload(uint32_t modelId)
{
    pthread_mutex_lock(&g_models_lock);
    struct model *model = modelId >= 1 && modelId <= MAX_MODELS ? g_models[modelId - 1] : NULL;
    if (model != NULL) {
        g_models[modelId - 1] = NULL;
    }
    pthread_mutex_unlock(&g_models_lock);
    if (model == NULL) {
        aclsim_set_error("aclmdlUnload: model %u is not loaded", modelId);
        return ACL_ERROR_INVALID_MODEL_ID;
    }
    free_model(model);
    return ACL_SUCCESS;
}

void aclsim_models_shutdown(void)
{
    pthread_mutex_lock(&g_models_lock);
    for (int i = 0; i < MAX_MODELS; i++) {
        free_model(g_models[i]);
        g_models[i] = NULL;
    }
    if (g_env != NULL && g_ort != NULL) {
        g_ort->ReleaseEnv(g_env);
        g_env = NULL;
    }
    pthread_mutex_unlock(&g_models_lock);
}

aclmdlDesc *aclmdlCreateDesc(void) { return calloc(1, sizeof(aclmdlDesc)); }

aclError aclmdlDestroyDesc(aclmdlDesc *modelDesc)
{
    if (modelDesc == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    free(modelDesc);
    return ACL_SUCCESS;
}

aclError aclmdlGetDesc(aclmdlDesc *modelDesc, uint32_t modelId)
{
    if (modelDesc == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    struct model *model = find_model(modelId);
    if (model == NULL) {
        aclsim_set_error("aclmdlGetDesc: model %u is not loaded", modelId);
        return ACL_ERROR_INVALID_MODEL_ID;
    }
    modelDesc->model_id = modelId;
    modelDesc->model = model;
    return ACL_SUCCESS;
}

static const struct io *desc_io(const aclmdlDesc *desc, size_t index, bool input)
{
    if (desc == NULL || desc->model == NULL) {
        return NULL;
    }
    size_t count = input ? desc->model->inputs_count : desc->model->outputs_count;
    if (index >= count) {
        return NULL;
    }
    return input ? &desc->model->inputs[index] : &desc->model->outputs[index];
}

size_t aclmdlGetNumInputs(aclmdlDesc *modelDesc) { return modelDesc && modelDesc->model ? modelDesc->model->inputs_count : 0; }

size_t aclmdlGetNumOutputs(aclmdlDesc *modelDesc) { return modelDesc && modelDesc->model ? modelDesc->model->outputs_count : 0; }

/* Bytes of a fully static tensor; 0 when any dimension is dynamic, as for a shape-range model. */
static size_t static_size(const struct io *io)
{
    if (io == NULL) {
        return 0;
    }
    size_t size = aclDataTypeSize(io->type);
    for (int i = 0; i < io->dims_count; i++) {
        if (io->dims[i] < 0) {
            return 0;
        }
        size *= (size_t)io->dims[i];
    }
    return size;
}

size_t aclmdlGetInputSizeByIndex(aclmdlDesc *modelDesc, size_t index) { return static_size(desc_io(modelDesc, index, true)); }

size_t aclmdlGetOutputSizeByIndex(aclmdlDesc *modelDesc, size_t index) { return static_size(desc_io(modelDesc, index, false)); }

const char *aclmdlGetInputNameByIndex(const aclmdlDesc *modelDesc, size_t index)
{
    const struct io *io = desc_io(modelDesc, index, true);
    return io ? io->name : "";
}

const char *aclmdlGetOutputNameByIndex(const aclmdlDesc *modelDesc, size_t index)
{
    const struct io *io = desc_io(modelDesc, index, false);
    return io ? io->name : "";
}

aclDataType aclmdlGetInputDataType(const aclmdlDesc *modelDesc, size_t index)
{
    const struct io *io = desc_io(modelDesc, index, true);
    return io ? io->type : ACL_DT_UNDEFINED;
}

aclDataType aclmdlGetOutputDataType(const aclmdlDesc *modelDesc, size_t index)
{
    const struct io *io = desc_io(modelDesc, index, false);
    return io ? io->type : ACL_DT_UNDEFINED;
}

static aclError io_dims(const struct io *io, aclmdlIODims *dims)
{
    if (io == NULL || dims == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    memset(dims, 0, sizeof *dims);
    snprintf(dims->name, sizeof dims->name, "%s", io->name);
    dims->dimCount = (size_t)io->dims_count;
    memcpy(dims->dims, io->dims, (size_t)io->dims_count * sizeof io->dims[0]);
    return ACL_SUCCESS;
}

aclError aclmdlGetInputDims(const aclmdlDesc *modelDesc, size_t index, aclmdlIODims *dims)
{
    return io_dims(desc_io(modelDesc, index, true), dims);
}

aclError aclmdlGetOutputDims(const aclmdlDesc *modelDesc, size_t index, aclmdlIODims *dims)
{
    return io_dims(desc_io(modelDesc, index, false), dims);
}

aclmdlDataset *aclmdlCreateDataset(void) { return calloc(1, sizeof(aclmdlDataset)); }

aclError aclmdlDestroyDataset(const aclmdlDataset *dataset)
{
    if (dataset == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    for (size_t i = 0; i < ACLSIM_MAX_IO; i++) {
        free(dataset->descs[i]);
    }
    free((void *)dataset);
    return ACL_SUCCESS;
}

aclError aclmdlAddDatasetBuffer(aclmdlDataset *dataset, aclDataBuffer *dataBuffer)
{
    if (dataset == NULL || dataBuffer == NULL || dataset->count == ACLSIM_MAX_IO) {
        return ACL_ERROR_INVALID_PARAM;
    }
    dataset->buffers[dataset->count++] = dataBuffer;
    return ACL_SUCCESS;
}

size_t aclmdlGetDatasetNumBuffers(const aclmdlDataset *dataset) { return dataset ? dataset->count : 0; }

aclDataBuffer *aclmdlGetDatasetBuffer(const aclmdlDataset *dataset, size_t index)
{
    return dataset && index < dataset->count ? dataset->buffers[index] : NULL;
}

aclError aclmdlSetDatasetTensorDesc(aclmdlDataset *dataset, aclTensorDesc *tensorDesc, size_t index)
{
    if (dataset == NULL || tensorDesc == NULL || index >= ACLSIM_MAX_IO) {
        return ACL_ERROR_INVALID_PARAM;
    }
    aclTensorDesc *copy = malloc(sizeof *copy);
    if (copy == NULL) {
        return ACL_ERROR_BAD_ALLOC;
    }
    *copy = *tensorDesc;
    free(dataset->descs[index]);
    dataset->descs[index] = copy;
    return ACL_SUCCESS;
}

aclTensorDesc *aclmdlGetDatasetTensorDesc(const aclmdlDataset *dataset, size_t index)
{
    return dataset && index < ACLSIM_MAX_IO ? dataset->descs[index] : NULL;
}

aclDataBuffer *aclCreateDataBuffer(void *data, size_t size)
{
    aclDataBuffer *buffer = malloc(sizeof *buffer);
    if (buffer != NULL) {
        buffer->data = data;
        buffer->size = size;
    }
    return buffer;
}

aclError aclDestroyDataBuffer(const aclDataBuffer *dataBuffer)
{
    if (dataBuffer == NULL) {
        return ACL_ERROR_INVALID_PARAM;
    }
    free((void *)dataBuffer);
    return ACL_SUCCESS;
}

aclTensorDesc *aclCreateTensorDesc(aclDataType dataType, int numDims, const int64_t *dims, aclFormat format)
{
    (void)format;
    if (numDims < 0 || numDims > ACLSIM_MAX_DIMS || (numDims > 0 && dims == NULL)) {
        return NULL;
    }
    aclTensorDesc *desc = calloc(1, sizeof *desc);
    if (desc != NULL) {
        desc->type = dataType;
        desc->dims_count = numDims;
        if (numDims > 0) {
            memcpy(desc->dims, dims, (size_t)numDims * sizeof *dims);
        }
    }
    return desc;
}

void aclDestroyTensorDesc(const aclTensorDesc *desc) { free((void *)desc); }

size_t aclGetTensorDescNumDims(const aclTensorDesc *desc) { return desc ? (size_t)desc->dims_count : 0; }

aclError aclGetTensorDescDimV2(const aclTensorDesc *desc, size_t index, int64_t *dimSize)
{
    if (desc == NULL || dimSize == NULL || index >= (size_t)desc->dims_count) {
        return ACL_ERROR_INVALID_PARAM;
    }
    *dimSize = desc->dims[index];
    return ACL_SUCCESS;
}

static size_t element_count(const int64_t *dims, int count)
{
    size_t elements = 1;
    for (int i = 0; i < count; i++) {
        elements *= (size_t)dims[i];
    }
    return elements;
}

/* Wraps input i (device memory) as an ONNX Runtime tensor, checking its type, shape and size. */
static aclError bind_input(const struct io *io, const aclmdlDataset *input, size_t i, const OrtMemoryInfo *memory, OrtValue **value)
{
    const aclDataBuffer *buffer = input->buffers[i];
    const aclTensorDesc *desc = input->descs[i];
    const int64_t *dims = desc ? desc->dims : io->dims;
    int dims_count = desc ? desc->dims_count : io->dims_count;
    if (desc != NULL && (desc->type != io->type || desc->dims_count != io->dims_count)) {
        aclsim_set_error("input '%s': tensor description has type %d rank %d, model wants type %d rank %d", io->name,
                         desc->type, desc->dims_count, io->type, io->dims_count);
        return ACL_ERROR_MODEL_INPUT_NOT_MATCH;
    }
    for (int d = 0; d < dims_count; d++) {
        if (dims[d] < 0 || (io->dims[d] >= 0 && dims[d] != io->dims[d])) {
            aclsim_set_error("input '%s': dimension %d is %lld, model wants %lld (set a tensor description for dynamic inputs)",
                             io->name, d, (long long)dims[d], (long long)io->dims[d]);
            return ACL_ERROR_MODEL_INPUT_NOT_MATCH;
        }
    }
    size_t bytes = element_count(dims, dims_count) * aclDataTypeSize(io->type);
    if (buffer == NULL || buffer->size < bytes || (bytes > 0 && !aclsim_is_device_range(buffer->data, bytes))) {
        aclsim_set_error("input '%s': buffer is not %zu bytes of live device memory", io->name, bytes);
        return ACL_ERROR_MODEL_INPUT_NOT_MATCH;
    }
    if (!ort_ok(g_ort->CreateTensorWithDataAsOrtValue(memory, buffer->data, bytes, dims, (size_t)dims_count, io->onnx_type, value),
                "input tensor")) {
        return ACL_ERROR_MODEL_INPUT_NOT_MATCH;
    }
    return ACL_SUCCESS;
}

/* Records output i's shape in the output dataset and copies it into its device buffer when it fits. */
static aclError store_output(const struct io *io, OrtValue *value, aclmdlDataset *output, size_t i)
{
    OrtTensorTypeAndShapeInfo *info;
    if (!ort_ok(g_ort->GetTensorTypeAndShape(value, &info), "output shape")) {
        return ACL_ERROR_RT_MODEL_EXECUTE;
    }
    aclTensorDesc shape = {.type = io->type};
    size_t count = 0;
    bool described = ort_ok(g_ort->GetDimensionsCount(info, &count), "output rank") && count <= ACLSIM_MAX_DIMS
                     && ort_ok(g_ort->GetDimensions(info, shape.dims, count), "output dimensions");
    g_ort->ReleaseTensorTypeAndShapeInfo(info);
    if (!described) {
        return ACL_ERROR_RT_MODEL_EXECUTE;
    }
    shape.dims_count = (int)count;
    aclError error = aclmdlSetDatasetTensorDesc(output, &shape, i);
    if (error != ACL_SUCCESS) {
        return error;
    }
    size_t bytes = element_count(shape.dims, shape.dims_count) * aclDataTypeSize(io->type);
    const aclDataBuffer *buffer = output->buffers[i];
    if (buffer == NULL || buffer->size < bytes || (bytes > 0 && !aclsim_is_device_range(buffer->data, bytes))) {
        aclsim_set_error("output '%s' needs %zu bytes of live device memory; its buffer has %zu", io->name, bytes,
                         buffer ? buffer->size : 0);
        return ACL_ERROR_MODEL_OUTPUT_NOT_MATCH;
    }
    void *data;
    if (bytes > 0) {
        if (!ort_ok(g_ort->GetTensorMutableData(value, &data), "output data")) {
            return ACL_ERROR_RT_MODEL_EXECUTE;
        }
        memcpy(buffer->data, data, bytes);
    }
    return ACL_SUCCESS;
}

aclError aclsim_model_run(uint32_t model_id, const aclmdlDataset *input, aclmdlDataset *output)
{
    struct model *model = find_model(model_id);
    if (model == NULL) {
        aclsim_set_error("model %u is not loaded", model_id);
        return ACL_ERROR_INVALID_MODEL_ID;
    }
    if (input == NULL || output == NULL || input->count != model->inputs_count || output->count != model->outputs_count) {
        aclsim_set_error("model %u wants %zu inputs and %zu outputs; datasets have %zu and %zu", model_id,
                         model->inputs_count, model->outputs_count, input ? input->count : 0, output ? output->count : 0);
        return ACL_ERROR_MODEL_INPUT_NOT_MATCH;
    }
    OrtMemoryInfo *memory;
    if (!ort_ok(g_ort->CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &memory), "memory info")) {
        return ACL_ERROR_BAD_ALLOC;
    }
    OrtValue *inputs[ACLSIM_MAX_IO] = {0};
    OrtValue *outputs[ACLSIM_MAX_IO] = {0};
    const char *input_names[ACLSIM_MAX_IO];
    const char *output_names[ACLSIM_MAX_IO];
    aclError error = ACL_SUCCESS;
    for (size_t i = 0; i < model->inputs_count && error == ACL_SUCCESS; i++) {
        input_names[i] = model->inputs[i].name;
        error = bind_input(&model->inputs[i], input, i, memory, &inputs[i]);
    }
    for (size_t i = 0; i < model->outputs_count; i++) {
        output_names[i] = model->outputs[i].name;
    }
    if (error == ACL_SUCCESS
        && !ort_ok(g_ort->Run(model->session, NULL, input_names, (const OrtValue *const *)inputs, model->inputs_count,
                              output_names, model->outputs_count, outputs),
                   "model execution")) {
        error = ACL_ERROR_RT_MODEL_EXECUTE;
    }
    for (size_t i = 0; i < model->outputs_count && error == ACL_SUCCESS; i++) {
        aclError stored = store_output(&model->outputs[i], outputs[i], output, i);
        if (stored != ACL_SUCCESS) {
            error = stored;
        }
    }
    /* Shapes of the remaining outputs are still reported, so a caller can size its buffers and retry. */
    for (size_t i = 0; i < model->outputs_count; i++) {
        if (outputs[i] != NULL && error == ACL_ERROR_MODEL_OUTPUT_NOT_MATCH && output->descs[i] == NULL) {
            store_output(&model->outputs[i], outputs[i], output, i);
        }
        g_ort->ReleaseValue(outputs[i]);
    }
    for (size_t i = 0; i < model->inputs_count; i++) {
        g_ort->ReleaseValue(inputs[i]);
    }
    g_ort->ReleaseMemoryInfo(memory);
    return error;
}
