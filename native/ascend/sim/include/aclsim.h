/*
 * Controls that only the AscendCL SIMULATOR exports (never the real CANN runtime): fault injection and
 * counters that let tests check how the shim drives the runtime.
 */
#ifndef STREAMING_ACLSIM_H
#define STREAMING_ACLSIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    uint64_t executions;        /* model executions completed (successfully or not) */
    uint64_t stream_sharing;    /* work submitted to a stream by one thread while another thread's work was pending */
    uint64_t live_allocations;  /* aclrtMalloc blocks not yet freed */
    uint64_t live_bytes;        /* bytes in those blocks */
} aclsimCounters;

/* The next `count` model executions fail with ACL_ERROR_RT_AICORE_EXCEPTION, reported at stream synchronisation. */
void aclsimInjectExecuteFailures(uint32_t count);

void aclsimGetCounters(aclsimCounters *counters);

/* Every model execution additionally takes this long on its stream's thread, as device time would. */
void aclsimSetExecuteDelay(uint32_t microseconds);

#ifdef __cplusplus
}
#endif
#endif
