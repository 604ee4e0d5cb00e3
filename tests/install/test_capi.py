#!/usr/bin/env python3
"""Drives Akhbar's C API (akhbar/akhbar.h) from Python's standard-library
ctypes: open, search, read the JSON, errors, free.

    test_capi.py LIBAKHBAR.so DATABASE
"""
import ctypes
import json
import sys

lib = ctypes.CDLL(sys.argv[1])
database = sys.argv[2].encode()

char_pp = ctypes.POINTER(ctypes.c_char_p)
lib.akhbar_version.restype = ctypes.c_char_p
lib.akhbar_searcher_open.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                     ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]
lib.akhbar_searcher_search.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                       ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]
lib.akhbar_searcher_close.argtypes = [ctypes.c_void_p]
lib.akhbar_free.argtypes = [ctypes.c_void_p]

passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what)


def take(pointer):
    """Copies a library-owned string and frees it with akhbar_free."""
    if not pointer.value:
        return None
    text = ctypes.string_at(pointer.value).decode()
    lib.akhbar_free(pointer.value)
    return text


check(lib.akhbar_version().decode().count(".") == 2, "version")

paths = (ctypes.c_char_p * 1)(database)
handle = ctypes.c_void_p()
error = ctypes.c_void_p()
status = lib.akhbar_searcher_open(paths, 1, ctypes.byref(handle), ctypes.byref(error))
check(status == 0 and handle.value, "open: %s" % take(error))

result = ctypes.c_void_p()
request = json.dumps({"query": "كازاخستان", "limit": 3, "facet_month": "2025-11"}).encode()
status = lib.akhbar_searcher_search(handle, request, ctypes.byref(result), ctypes.byref(error))
check(status == 0, "search status %d" % status)
check(error.value is None, "no error on success")
data = json.loads(take(result))
check(data["total"] == 5, "total %s" % data["total"])
check(len(data["hits"]) == 3, "limit")
check(len(data["facets"]["date"]) == 30, "month facet")
for hit in data["hits"]:
    text = hit["snippet"]["text"].encode()
    for start, end in hit["snippet"]["highlights"]:
        check(text[start:end].decode() == "كازاخستان", "highlight slices the word")

plain = json.dumps({"query": "كازاخستان", "limit": 1, "ranking": "bm25"}).encode()
status = lib.akhbar_searcher_search(handle, plain, ctypes.byref(result), ctypes.byref(error))
check(status == 0 and json.loads(take(result))["total"] == 5, "ranking option")

for bad, expected in (('{"query": "(open group"}', 2), ("not json", 1),
                      ('{"query": "x", "from": "yesterday"}', 1), ('{"query": "في"}', 2),
                      ('{"query": "x", "ranking": "tfidf"}', 1)):
    status = lib.akhbar_searcher_search(handle, bad.encode(), ctypes.byref(result), ctypes.byref(error))
    message = take(error)
    check(status == expected and message, "status %d for %r: %s" % (status, bad, message))
    check(result.value is None, "no result on error")

# A misspelt key is refused by name, not ignored.
bad = b'{"query": "x", "limt": 5}'
status = lib.akhbar_searcher_search(handle, bad, ctypes.byref(result), ctypes.byref(error))
message = take(error)
check(status == 1 and message.startswith('unknown request key "limt" (known: all, '),
      "unknown key: status %d, %s" % (status, message))

lib.akhbar_searcher_close(handle)

missing = (ctypes.c_char_p * 1)(b"/nonexistent/akhbar.db")
status = lib.akhbar_searcher_open(missing, 1, ctypes.byref(handle), ctypes.byref(error))
check(status == 3 and "no database at" in take(error), "missing database")

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
