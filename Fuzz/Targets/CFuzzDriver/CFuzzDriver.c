// Only the header matters: LLVMFuzzerRunDriver is defined in the toolchain's libFuzzer
// (libclang_rt.fuzzer), linked by -sanitize=fuzzer. A C target needs one source file.
#include "CFuzzDriver.h"
