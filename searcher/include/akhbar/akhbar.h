/* Akhbar's C API: the searcher for programs in any language.
 *
 * Opaque handles, status codes, and JSON strings: a search request goes in
 * as a JSON object, the result comes out as the JSON of docs/json-output.md.
 *
 * Ownership: every `char*` the library returns through an out-parameter
 * (result JSON, error message) is allocated by the library and must be freed
 * with akhbar_free(), exactly once; the library never keeps it. Strings the
 * caller passes in are only read during the call. A handle from
 * akhbar_searcher_open() is released with akhbar_searcher_close().
 *
 * Thread-safety: one handle must not be used by two threads at once; open
 * one handle per thread (they may search the same databases).
 *
 * Errors: every function returning akhbar_status writes a message to
 * `*error` when it fails and `error` is not NULL (set to NULL on success).
 */
#ifndef AKHBAR_AKHBAR_H
#define AKHBAR_AKHBAR_H

#include <stddef.h>

#if defined(__GNUC__)
#define AKHBAR_C_API __attribute__((visibility("default")))
#else
#define AKHBAR_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct akhbar_searcher akhbar_searcher;

typedef enum akhbar_status {
    AKHBAR_OK = 0,
    AKHBAR_INVALID_ARGUMENT = 1, /* a bad request (JSON, field types, values) */
    AKHBAR_QUERY_ERROR = 2,      /* a query that cannot be parsed or has no word */
    AKHBAR_INDEX_ERROR = 3,      /* a missing, incompatible or unreadable database */
    AKHBAR_INTERNAL_ERROR = 4    /* anything else (out of memory, ...) */
} akhbar_status;

/* The library version, "MAJOR.MINOR.PATCH"; a static string, not to be freed. */
AKHBAR_C_API const char* akhbar_version(void);

/* Opens `count` databases (directories or stub files) to search as one;
 * `count` 0 opens the default database. On success `*searcher` is a new
 * handle. */
AKHBAR_C_API akhbar_status akhbar_searcher_open(const char* const* databases, size_t count,
                                                akhbar_searcher** searcher, char** error);

/* Runs a search. `request_json` is a JSON object:
 *   {"query": "اتفاقات أبراهام",   required
 *    "all": false, "literal": false, "limit": 10, "offset": 0,
 *    "from": "2025-11-01", "to": "2025-11-30", "sources": ["الشرق"],
 *    "categories": ["culture"],
 *    "sort": "relevance" | "date" | "newest" | "oldest", "facets": true,
 *    "facet_month": "2025-11",
 *    "snippet_chars": 240, "ranking": "akhbar" | "bm25" | "lucene-bm25",
 *    "strict": "exact" | "normalized" | "stemmed",
 *    "collapse": true (one hit per story; docs/stories.md),
 *    "facet_count": "articles" | "stories"}
 * Bounds (AKHBAR_INVALID_ARGUMENT otherwise, naming the field and value):
 * limit 1..10000, offset + limit at most 100000, snippet_chars 1..10000.
 * Any other key is an AKHBAR_INVALID_ARGUMENT naming it ("unknown request
 * key"); values are checked as akhbar::SearchRequest's, with its messages.
 * Each search reads the latest committed revision of the databases.
 * On success `*result_json` holds the result (docs/json-output.md). */
AKHBAR_C_API akhbar_status akhbar_searcher_search(akhbar_searcher* searcher, const char* request_json,
                                                  char** result_json, char** error);

/* Articles related to the article `id`, as a result JSON; `limit` 1..10000. */
AKHBAR_C_API akhbar_status akhbar_searcher_related(akhbar_searcher* searcher, const char* id,
                                                   size_t limit, char** result_json, char** error);

/* Articles related to the article `id`, with the options of a search: a
 * request JSON as akhbar_searcher_search's, whose "query" may be left out
 * (when given, it narrows the related articles to those that also match it;
 * akhbar::Searcher::related). Errors as akhbar_searcher_search's, and
 * AKHBAR_INVALID_ARGUMENT for an unknown id. */
AKHBAR_C_API akhbar_status akhbar_searcher_related_request(akhbar_searcher* searcher,
                                                           const char* id,
                                                           const char* request_json,
                                                           char** result_json, char** error);

/* Picks up what indexers committed since the last call (also a rebuilt
 * database; every search does so already), reopens remote shards;
 * `*changed` (if not NULL) tells whether anything changed. */
AKHBAR_C_API akhbar_status akhbar_searcher_reopen(akhbar_searcher* searcher, int* changed,
                                                  char** error);

/* Releases a handle; NULL is allowed. */
AKHBAR_C_API void akhbar_searcher_close(akhbar_searcher* searcher);

/* Frees a string returned by the library; NULL is allowed. */
AKHBAR_C_API void akhbar_free(char* string);

#ifdef __cplusplus
}
#endif

#endif /* AKHBAR_AKHBAR_H */
