#ifndef MIZZEN_CCURLSHIM_H
#define MIZZEN_CCURLSHIM_H

// The C edge of Mizzen's HTTP client: the system's libcurl, loaded with dlopen by its
// soname the first time a request is sent, so that no command that never sends loads it
// (and no libcurl development package is needed to build). Only the few curl_easy_* and
// curl_multi_* functions used here are resolved; their types and constants are declared
// in CCurlShim.c, from libcurl's stable ABI.

#include <stddef.h>

/// The loaded library: its resolved functions. Never freed (loaded once per process).
typedef struct mizzen_curl_library mizzen_curl_library;

/// One reusable transfer: an easy handle in a multi handle of its own, which keeps the
/// connection open for the next transfer on the same slot and can be woken from another
/// thread (`mizzen_curl_slot_wake`).
typedef struct mizzen_curl_slot mizzen_curl_slot;

/// A request as libcurl sends it. Every pointer must stay valid for the whole transfer.
typedef struct {
  const char *method;
  const char *url;
  /// "Name: value" lines.
  const char *const *headers;
  int header_count;
  /// NULL when the request has no body.
  const unsigned char *body;
  long body_length;
  /// Bounds connecting (DNS, TCP, TLS) alone.
  long connect_timeout_ms;
  /// Bounds the whole transfer, connecting included.
  long total_timeout_ms;
} mizzen_curl_request;

/// Receives one header line (status lines and the closing empty line included) or a piece
/// of the body; returning anything but `length` stops the transfer.
typedef size_t (*mizzen_curl_receive)(void *context, const char *bytes, size_t length);
/// Polled between network events: non-zero stops the transfer.
typedef int (*mizzen_curl_stopped)(void *context);

typedef struct {
  /// libcurl's CURLcode: 0 when a whole answer arrived.
  int code;
  /// libcurl's description of a failure (never holds the request's headers).
  char message[256];
} mizzen_curl_result;

/// Loads `soname` and resolves what is needed; NULL with `error` filled when it cannot.
const mizzen_curl_library *mizzen_curl_open(const char *soname, char *error, size_t error_size);

mizzen_curl_slot *mizzen_curl_slot_new(const mizzen_curl_library *library);
void mizzen_curl_slot_free(mizzen_curl_slot *slot);
/// Makes a transfer running on `slot` look at `stopped` now rather than at its next event.
/// Safe from any thread while the slot exists.
void mizzen_curl_slot_wake(mizzen_curl_slot *slot);

/// Runs one exchange on the calling thread, which it blocks until the answer is complete,
/// the transfer fails, or `stopped` says so. Redirects are never followed; only http and
/// https are spoken; proxies are libcurl's own defaults (its environment variables).
void mizzen_curl_perform(
  mizzen_curl_slot *slot, const mizzen_curl_request *request, mizzen_curl_receive on_header,
  mizzen_curl_receive on_body, mizzen_curl_stopped stopped, void *context,
  mizzen_curl_result *result);

#endif
