/* Shared internals of the AscendCL simulator. */
#ifndef STREAMING_ACLSIM_INTERNAL_H
#define STREAMING_ACLSIM_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include "acl/acl.h"
#include "aclsim.h"

#define ACLSIM_MAX_DIMS 8
#define ACLSIM_MAX_IO 64

struct aclTensorDesc {
    aclDataType type;
    int dims_count;
    int64_t dims[ACLSIM_MAX_DIMS];
};

struct aclDataBuffer {
    void *data;
    size_t size;
};

struct aclmdlDataset {
    size_t count;
    aclDataBuffer *buffers[ACLSIM_MAX_IO];
    aclTensorDesc *descs[ACLSIM_MAX_IO]; /* owned copies; NULL when not set */
};

struct aclsim_context;

/* Errors and state shared by the runtime and model halves. */
bool aclsim_initialized(void);
struct aclsim_context *aclsim_current_context(void);
bool aclsim_context_alive(const struct aclsim_context *context);
void aclsim_set_error(const char *format, ...);
/* True when [ptr, ptr+size) lies inside one live aclrtMalloc block. */
bool aclsim_is_device_range(const void *ptr, size_t size);

/* Runs a model synchronously on the calling thread (a stream worker or aclmdlExecute's caller). */
aclError aclsim_model_run(uint32_t model_id, const aclmdlDataset *input, aclmdlDataset *output);
void aclsim_models_shutdown(void);

#endif
