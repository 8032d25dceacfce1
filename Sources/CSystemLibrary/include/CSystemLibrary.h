#ifndef MIZZEN_CSYSTEMLIBRARY_H
#define MIZZEN_CSYSTEMLIBRARY_H

// The system's shared libraries that only some commands need (libcurl for the commands
// that send, ncursesw for the console) are loaded with dlopen when first needed, so that
// every other command starts without them.

#include <stddef.h>

/// Opens `soname` (e.g. "libcurl.so.4") from the system folder the C library was loaded
/// from, or from that folder under /usr, by absolute path; NULL with a reason in `error`
/// when there is none.
void *mizzen_open_system_library(const char *soname, char *error, size_t error_size);

#endif
