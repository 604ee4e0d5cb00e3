/* A search-and-free cycle through the C API, run under valgrind by
 * test_install.sh: nothing may leak. Usage: leak_cycle DATABASE */
#include <stdio.h>
#include <string.h>

#include <akhbar/akhbar.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        return 2;
    }
    const char* paths[] = {argv[1]};
    for (int round = 0; round < 3; ++round) {
        akhbar_searcher* searcher = NULL;
        char* error = NULL;
        if (akhbar_searcher_open(paths, 1, &searcher, &error) != AKHBAR_OK) {
            fprintf(stderr, "open: %s\n", error);
            akhbar_free(error);
            return 1;
        }
        for (int i = 0; i < 5; ++i) {
            char* result = NULL;
            if (akhbar_searcher_search(searcher, "{\"query\": \"كازاخستان إسرائيل\"}", &result, &error) !=
                AKHBAR_OK) {
                fprintf(stderr, "search: %s\n", error);
                akhbar_free(error);
                return 1;
            }
            if (strstr(result, "\"total\":5") == NULL) {
                fprintf(stderr, "unexpected result: %.200s\n", result);
                return 1;
            }
            akhbar_free(result);
        }
        char* result = NULL;
        if (akhbar_searcher_search(searcher, "{\"query\": \"(\"}", &result, &error) != AKHBAR_QUERY_ERROR) {
            return 1;
        }
        akhbar_free(error);
        akhbar_searcher_close(searcher);
    }
    printf("leak_cycle: ok\n");
    return 0;
}
