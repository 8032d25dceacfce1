#include "CCurlShim.h"

#include <CSystemLibrary.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// From libcurl's curl.h (a stable ABI since 7.x): only what this file uses.
typedef void CURL;
typedef void CURLM;
typedef int CURLcode;
typedef int CURLMcode;
typedef long long curl_off_t;
struct curl_slist;
typedef struct {
  int msg;
  CURL *easy_handle;
  union {
    void *whatever;
    CURLcode result;
  } data;
} CURLMsg;

enum {
  CURLE_OK = 0,
  CURLE_ABORTED_BY_CALLBACK = 42,
  CURLE_UNKNOWN_OPTION = 48,
  CURL_GLOBAL_DEFAULT = 3,
  CURLMSG_DONE = 1,
  CURLPROTO_HTTP = 1,
  CURLPROTO_HTTPS = 2,
  CURL_ERROR_SIZE = 256,
};

enum {
  CURLOPT_READDATA = 10009,
  CURLOPT_READFUNCTION = 20012,
  CURLOPT_WRITEDATA = 10001,
  CURLOPT_URL = 10002,
  CURLOPT_ERRORBUFFER = 10010,
  CURLOPT_WRITEFUNCTION = 20011,
  CURLOPT_HTTPHEADER = 10023,
  CURLOPT_HEADERDATA = 10029,
  CURLOPT_CUSTOMREQUEST = 10036,
  CURLOPT_NOBODY = 44,
  CURLOPT_POST = 47,
  CURLOPT_FOLLOWLOCATION = 52,
  CURLOPT_HTTPGET = 80,
  CURLOPT_HEADERFUNCTION = 20079,
  CURLOPT_NOSIGNAL = 99,
  CURLOPT_POSTFIELDSIZE_LARGE = 30120,
  CURLOPT_TIMEOUT_MS = 155,
  CURLOPT_CONNECTTIMEOUT_MS = 156,
  CURLOPT_PROTOCOLS = 181,
  CURLOPT_PROTOCOLS_STR = 10318,
};

typedef size_t (*curl_write_callback)(char *, size_t, size_t, void *);

struct mizzen_curl_library {
  CURLcode (*global_init)(long);
  CURL *(*easy_init)(void);
  void (*easy_cleanup)(CURL *);
  void (*easy_reset)(CURL *);
  CURLcode (*easy_setopt)(CURL *, int, ...);
  const char *(*easy_strerror)(CURLcode);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
  CURLM *(*multi_init)(void);
  CURLMcode (*multi_cleanup)(CURLM *);
  CURLMcode (*multi_add_handle)(CURLM *, CURL *);
  CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
  CURLMcode (*multi_perform)(CURLM *, int *);
  CURLMcode (*multi_poll)(CURLM *, void *, unsigned int, int, int *);
  CURLMcode (*multi_wakeup)(CURLM *);
  CURLMsg *(*multi_info_read)(CURLM *, int *);
  const char *(*multi_strerror)(CURLMcode);
};

struct mizzen_curl_slot {
  const mizzen_curl_library *library;
  CURLM *multi;
  CURL *easy;
};

static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

const mizzen_curl_library *mizzen_curl_open(const char *soname, char *error, size_t error_size) {
  void *handle = mizzen_open_system_library(soname, error, error_size);
  if (handle == NULL) return NULL;
  mizzen_curl_library *library = calloc(1, sizeof *library);
  if (library == NULL) {
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  struct {
    void **slot;
    const char *name;
  } wanted[] = {
    {(void **)&library->global_init, "curl_global_init"},
    {(void **)&library->easy_init, "curl_easy_init"},
    {(void **)&library->easy_cleanup, "curl_easy_cleanup"},
    {(void **)&library->easy_reset, "curl_easy_reset"},
    {(void **)&library->easy_setopt, "curl_easy_setopt"},
    {(void **)&library->easy_strerror, "curl_easy_strerror"},
    {(void **)&library->slist_append, "curl_slist_append"},
    {(void **)&library->slist_free_all, "curl_slist_free_all"},
    {(void **)&library->multi_init, "curl_multi_init"},
    {(void **)&library->multi_cleanup, "curl_multi_cleanup"},
    {(void **)&library->multi_add_handle, "curl_multi_add_handle"},
    {(void **)&library->multi_remove_handle, "curl_multi_remove_handle"},
    {(void **)&library->multi_perform, "curl_multi_perform"},
    {(void **)&library->multi_poll, "curl_multi_poll"},
    {(void **)&library->multi_wakeup, "curl_multi_wakeup"},
    {(void **)&library->multi_info_read, "curl_multi_info_read"},
    {(void **)&library->multi_strerror, "curl_multi_strerror"},
  };
  for (size_t index = 0; index < sizeof wanted / sizeof wanted[0]; index++) {
    *wanted[index].slot = dlsym(handle, wanted[index].name);
    if (*wanted[index].slot == NULL) {
      snprintf(
        error, error_size, "%s has no %s (libcurl 7.68 or later is needed)", soname,
        wanted[index].name);
      free(library);
      dlclose(handle);
      return NULL;
    }
  }
  // curl_global_init is not thread-safe in older libcurl: one caller at a time.
  pthread_mutex_lock(&open_lock);
  CURLcode initialised = library->global_init(CURL_GLOBAL_DEFAULT);
  pthread_mutex_unlock(&open_lock);
  if (initialised != CURLE_OK) {
    snprintf(error, error_size, "%s", library->easy_strerror(initialised));
    free(library);
    dlclose(handle);
    return NULL;
  }
  return library;
}

mizzen_curl_slot *mizzen_curl_slot_new(const mizzen_curl_library *library) {
  mizzen_curl_slot *slot = calloc(1, sizeof *slot);
  if (slot == NULL) return NULL;
  slot->library = library;
  slot->multi = library->multi_init();
  slot->easy = library->easy_init();
  if (slot->multi == NULL || slot->easy == NULL) {
    mizzen_curl_slot_free(slot);
    return NULL;
  }
  return slot;
}

void mizzen_curl_slot_free(mizzen_curl_slot *slot) {
  if (slot == NULL) return;
  if (slot->easy != NULL) slot->library->easy_cleanup(slot->easy);
  if (slot->multi != NULL) slot->library->multi_cleanup(slot->multi);
  free(slot);
}

void mizzen_curl_slot_wake(mizzen_curl_slot *slot) {
  slot->library->multi_wakeup(slot->multi);
}

struct sink {
  mizzen_curl_receive on_header;
  mizzen_curl_receive on_body;
  void *context;
};

// The request body, handed to libcurl as it asks for it. There is deliberately no seek
// callback: libcurl cannot then resend a body on its own (it would, on a kept-alive
// connection that closed under the request), so every attempt the server may have seen is
// one BrazeClient counts and journals.
struct upload {
  const unsigned char *bytes;
  size_t length;
  size_t sent;
};

static size_t send_body(char *buffer, size_t size, size_t count, void *data) {
  struct upload *upload = data;
  size_t room = size * count;
  size_t left = upload->length - upload->sent;
  size_t length = left < room ? left : room;
  memcpy(buffer, upload->bytes + upload->sent, length);
  upload->sent += length;
  return length;
}

static size_t receive_header(char *bytes, size_t size, size_t count, void *data) {
  struct sink *sink = data;
  return sink->on_header(sink->context, bytes, size * count);
}

static size_t receive_body(char *bytes, size_t size, size_t count, void *data) {
  struct sink *sink = data;
  return sink->on_body(sink->context, bytes, size * count);
}

void mizzen_curl_perform(
  mizzen_curl_slot *slot, const mizzen_curl_request *request, mizzen_curl_receive on_header,
  mizzen_curl_receive on_body, mizzen_curl_stopped stopped, void *context,
  mizzen_curl_result *result) {
  const mizzen_curl_library *curl = slot->library;
  CURL *easy = slot->easy;
  char error[CURL_ERROR_SIZE] = {0};
  struct sink sink = {on_header, on_body, context};
  result->code = CURLE_OK;
  result->message[0] = 0;

  // A reset handle keeps its open connections for reuse, and nothing else.
  curl->easy_reset(easy);
  curl->easy_setopt(easy, CURLOPT_URL, request->url);
  curl->easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl->easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  if (curl->easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_UNKNOWN_OPTION) {
    curl->easy_setopt(easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  }
  curl->easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
  curl->easy_setopt(easy, CURLOPT_TIMEOUT_MS, request->total_timeout_ms);
  curl->easy_setopt(easy, CURLOPT_ERRORBUFFER, error);
  curl->easy_setopt(easy, CURLOPT_HEADERFUNCTION, (curl_write_callback)receive_header);
  curl->easy_setopt(easy, CURLOPT_HEADERDATA, (void *)&sink);
  curl->easy_setopt(easy, CURLOPT_WRITEFUNCTION, (curl_write_callback)receive_body);
  curl->easy_setopt(easy, CURLOPT_WRITEDATA, (void *)&sink);

  struct curl_slist *headers = NULL;
  for (int index = 0; index < request->header_count; index++) {
    headers = curl->slist_append(headers, request->headers[index]);
  }
  // No "Expect: 100-continue" pause before a body: Braze's bodies are small.
  headers = curl->slist_append(headers, "Expect:");
  curl->easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

  struct upload upload = {request->body, (size_t)request->body_length, 0};
  if (request->body != NULL) {
    curl->easy_setopt(easy, CURLOPT_POST, 1L);
    curl->easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)request->body_length);
    curl->easy_setopt(easy, CURLOPT_READFUNCTION, (curl_write_callback)send_body);
    curl->easy_setopt(easy, CURLOPT_READDATA, (void *)&upload);
    if (strcmp(request->method, "POST") != 0) {
      curl->easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request->method);
    }
  } else if (strcmp(request->method, "GET") == 0) {
    curl->easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (strcmp(request->method, "HEAD") == 0) {
    curl->easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    curl->easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request->method);
  }

  CURLMcode added = curl->multi_add_handle(slot->multi, easy);
  if (added != 0) {
    result->code = 2;  // CURLE_FAILED_INIT
    snprintf(result->message, sizeof result->message, "%s", curl->multi_strerror(added));
    curl->slist_free_all(headers);
    return;
  }
  int running = 1;
  CURLcode code = CURLE_OK;
  while (running) {
    if (stopped(context)) {
      code = CURLE_ABORTED_BY_CALLBACK;
      break;
    }
    CURLMcode performed = curl->multi_perform(slot->multi, &running);
    if (performed != 0) {
      code = 2;
      snprintf(error, sizeof error, "%s", curl->multi_strerror(performed));
      break;
    }
    int queued = 0;
    CURLMsg *message;
    while ((message = curl->multi_info_read(slot->multi, &queued)) != NULL) {
      if (message->msg == CURLMSG_DONE && message->easy_handle == easy) {
        code = message->data.result;
        running = 0;
      }
    }
    if (!running) break;
    // Returns early for network events, libcurl's own timers, and mizzen_curl_slot_wake.
    curl->multi_poll(slot->multi, NULL, 0, 1000, NULL);
  }
  curl->multi_remove_handle(slot->multi, easy);
  // Nothing of this call's stack may outlive it in the handle kept for the next transfer.
  curl->easy_setopt(easy, CURLOPT_ERRORBUFFER, (char *)NULL);
  curl->easy_setopt(easy, CURLOPT_HTTPHEADER, (struct curl_slist *)NULL);
  curl->slist_free_all(headers);
  result->code = code;
  if (code != CURLE_OK) {
    snprintf(
      result->message, sizeof result->message, "%s",
      error[0] != 0 ? error : curl->easy_strerror(code));
  }
}
