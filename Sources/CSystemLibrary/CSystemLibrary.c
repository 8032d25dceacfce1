#define _GNU_SOURCE  // dladdr, RTLD_DEEPBIND
#include "CSystemLibrary.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

// The system folder is the one the C library was loaded from (/lib/x86_64-linux-gnu and
// /usr/lib/x86_64-linux-gnu; /lib64 and /usr/lib64). The path is absolute: a bare name
// would also search the program's `$ORIGIN` run path, which SwiftPM links in, and
// `LD_LIBRARY_PATH`, and the library loaded may be handed the API key or the terminal.
void *mizzen_open_system_library(const char *soname, char *error, size_t error_size) {
  Dl_info info;
  if (dladdr((void *)&snprintf, &info) == 0 || info.dli_fname == NULL ||
      info.dli_fname[0] != '/') {
    snprintf(error, error_size, "the system's library folder could not be found");
    return NULL;
  }
  char folder[512];
  snprintf(folder, sizeof folder, "%s", info.dli_fname);
  char *slash = strrchr(folder, '/');
  *slash = '\0';
  const char *prefixes[] = {"", "/usr"};
  char path[1024];
  for (size_t index = 0; index < 2; index++) {
    // A folder already under /usr gets no second /usr.
    if (index == 1 && strncmp(folder, "/usr/", 5) == 0) break;
    // RTLD_LOCAL: the library's symbols stay out of the global namespace. RTLD_LAZY: the
    // functions of its libraries that a command never reaches (for libcurl: LDAP,
    // Kerberos, SSH…) are not looked up; binding every one up front cost a send some
    // 0.6 ms of CPU. RTLD_DEEPBIND: the library and its own libraries look for a symbol
    // among themselves first, not first through the program and every library it was
    // started with (0.5 ms of a send's CPU), and no symbol the program exports can stand
    // in for one of theirs.
    snprintf(path, sizeof path, "%s%s/%s", prefixes[index], folder, soname);
    void *handle = dlopen(path, RTLD_LAZY | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle != NULL) return handle;
  }
  snprintf(error, error_size, "no %s in the system's library folders (%s)", soname, folder);
  return NULL;
}
