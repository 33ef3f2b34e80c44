/* libyaml alone on a file: the time to produce (and free) every parse event, the floor that
 * orgdiag's decoding of a stream of profiles is compared with (docs/performance.md).
 *   cc -O2 bench/libyaml/events.c -lyaml -o /tmp/libyaml-events && /tmp/libyaml-events FILE.yaml
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.yaml\n", argv[0]);
        return 64;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 1;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    if (!bytes || fread(bytes, 1, size, file) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    fclose(file);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "libyaml error: %s\n", parser.problem ? parser.problem : "unknown");
            return 1;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%ld events from %ld bytes in %.3f s\n", events, size,
           (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    free(bytes);
    return 0;
}
