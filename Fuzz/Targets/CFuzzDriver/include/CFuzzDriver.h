// libFuzzer's driver, called from each fuzz target's entry point (see Fuzz/Package.swift).
#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer on `callback` with the command line's flags and corpus folders (libFuzzer's own
/// `main` does the same; SwiftPM's executables bring their own `main`, so the targets call this).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
